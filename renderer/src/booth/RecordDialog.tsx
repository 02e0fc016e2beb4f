import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatKeyAreaReasons } from '../../../shared/i18n/labels';
import { formatChanges } from '../../../shared/registration/amendText';
import { maskId, maskPhone, maskText } from '../../../shared/privacy/mask';
import { REVEAL_MS, REVEAL_SECONDS } from '../../../shared/privacy/reveal';
import { can } from '../../../shared/privacy/roles';
import { getVehicle, personsOfVehicle, voidVehicle, type RevealedPerson } from '../db';
import { useActor } from '../runtime/session';
import { RevealPanel } from './RevealPanel';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { Modal } from '../ui/Modal';
import { TextField } from '../ui/fields';
import { formatDateTime } from '../ui/format';
import { TableHead } from '../ui/TableHead';
import type { AmendTarget } from './RegistrationForm';
import { CloseButton } from '../ui/formParts';

interface Props {
  vehicleId: string;
  operator: string;
  onClose: () => void;
  onCorrect: (target: AmendTarget) => void;
}

/**
 * One record with its people and history; from here it is corrected or voided, never deleted.
 * IDs, phones and numbers typed into free text are masked (shared/privacy/mask.ts); a lead or
 * administrator may reveal this record's full values with a reason, for REVEAL_SECONDS (audited).
 */
export function RecordDialog({ vehicleId, operator, onClose, onCorrect }: Props) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const data = useLiveQuery(async () => {
    const vehicle = await getVehicle(db, vehicleId);
    return vehicle ? { vehicle, persons: await personsOfVehicle(db, vehicleId) } : null;
  }, [db, vehicleId]);
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Say | undefined>();
  const actor = useActor();
  const mayReveal = can(actor, 'reveal');
  const [asking, setAsking] = useState(false);
  const [revealed, setRevealed] = useState<{ values: Map<string, RevealedPerson>; reason: string } | null>(null);
  // Masked again after REVEAL_SECONDS (and when the dialog closes: the state goes with it).
  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(null), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [revealed]);

  const doVoid = async () => {
    if (reason.trim() === '') {
      setError(() => (tr: Translator) => tr.t('reasonRequired'));
      return;
    }
    const r = await voidVehicle(db, vehicleId, reason, operator, Date.now());
    if (r.ok) onClose();
    else {
      const message = r.error.message;
      setError(() => (tr: Translator) => tr.pick(message));
    }
  };

  // The dialog owns the keyboard: Ctrl+S confirms the void being typed, never the form behind.
  useCommand('save', () => {
    if (voiding && !asking) void doVoid();
  });

  const v = data?.vehicle;
  return (
    <Modal title={v ? `${t('record')} · ${v.plate}` : t('record')} onClose={onClose}>
      {data === undefined ? (
        <p>{t('loading')}</p>
      ) : data === null || !v ? (
        <p>{t('noResults')}</p>
      ) : (
        <div className="record">
          {v.voidMark ? <p className="voided-note">{t('voided', { reason: maskText(v.voidMark.reason) })}</p> : null}
          <dl className="record-fields">
            <dt>{t('time')}</dt>
            <dd>{formatDateTime(v.createdAt)}</dd>
            <dt>{t('vehicleType')}</dt>
            <dd>{tr.label('vehicleType', v.vehicleType)}</dd>
            <dt>{t('origin')}</dt>
            <dd>{maskText(v.origin)}</dd>
            <dt>{t('route')}</dt>
            <dd>{maskText(v.route) || '—'}</dd>
            <dt>{t('destination')}</dt>
            <dd>{maskText(v.destination)}</dd>
            {v.localContact ? (
              <>
                <dt>{t('localContact')}</dt>
                <dd>{maskText(v.localContact)}</dd>
              </>
            ) : null}
            {v.remarks ? (
              <>
                <dt>{t('remarks')}</dt>
                <dd>{maskText(v.remarks)}</dd>
              </>
            ) : null}
            <dt>{t('vehicleDisposition')}</dt>
            <dd>{tr.label('vehicleDisposition', v.disposition)}</dd>
            {v.keyArea ? (
              <>
                <dt>{t('keyAreaVehicle')}</dt>
                <dd>
                  {formatKeyAreaReasons(v.keyAreaReasons, tr.locale)} · {v.inspected ? t('inspected') : ''} {v.disinfected ? t('disinfected') : ''}
                </dd>
              </>
            ) : null}
            <dt>{t('operator')}</dt>
            <dd>{v.operator}</dd>
          </dl>
          <table className="persons">
            <TableHead columns={[t('role'), t('name'), t('docNumber'), t('phone'), t('temp'), t('recheck'), t('personDisposition')]} />
            <tbody>
              {data.persons.map((p) => (
                <tr key={p.id} className={p.voided ? 'voided' : ''}>
                  <td>{tr.label('role', p.role)}</td>
                  <td>{p.name}</td>
                  <td className="masked-value" data-testid="person-doc">{revealed?.values.get(p.id)?.docNumber ?? maskId(p.docNumber, p.docType)}</td>
                  <td className="masked-value" data-testid="person-phone">{revealed?.values.get(p.id)?.phone ?? maskPhone(p.phone)}</td>
                  <td>{p.first.celsius.toFixed(1)}</td>
                  <td>{p.recheck ? p.recheck.celsius.toFixed(1) : p.awaitingRecheckSince !== undefined ? t('flag_recheck') : '—'}</td>
                  <td>{tr.label('personDisposition', p.disposition)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {revealed ? (
            <p className="reveal-note warning" role="status" data-testid="reveal-status">
              {t('revealShownFor', { s: REVEAL_SECONDS, name: actor?.name ?? '', reason: revealed.reason })}{' '}
              <button type="button" className="link" onClick={() => setRevealed(null)}>
                {t('revealHide')}
              </button>
            </p>
          ) : (
            <p className="field-hint" data-testid="masked-note">
              {t('maskedNote')}
              {mayReveal && !asking ? (
                <>
                  {' '}
                  <button type="button" className="link" onClick={() => setAsking(true)}>
                    {t('revealButton')}
                  </button>
                </>
              ) : null}
            </p>
          )}
          {asking && mayReveal ? (
            <RevealPanel
              vehicleId={v.id}
              onCancel={() => setAsking(false)}
              onRevealed={(values, reason) => {
                setAsking(false);
                setRevealed({ values: new Map(values.map((x) => [x.personId, x])), reason });
              }}
            />
          ) : null}
          {v.amendments.length > 0 ? (
            <section>
              <h3>{t('history')}</h3>
              <ul>
                {v.amendments.map((a) => (
                  <li key={a.at}>
                    {formatDateTime(a.at)} {a.by}{tr.locale === 'en' ? ': ' : '：'}{a.kind === 'recheck' ? t('recheckHistory') : maskText(a.reason)}
                    <ul className="changes">
                      {formatChanges(a.changes, tr.locale).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {voiding ? (
            <div className="void-box">
              <TextField
                label={t('voidReason')}
                value={reason}
                autoFocus
                error={error?.(tr)}
                onChange={setReason}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                    e.preventDefault();
                    void doVoid();
                  }
                }}
              />
              <button type="button" className="danger" onClick={() => void doVoid()}>
                {t('voidConfirm')}
              </button>
            </div>
          ) : null}
          <div className="actions">
            {!v.voided ? (
              <>
                <button type="button" className="primary" autoFocus onClick={() => onCorrect({ vehicle: v, persons: data.persons })}>
                  {t('correct')}
                </button>
                {!voiding ? (
                  <button type="button" onClick={() => setVoiding(true)}>
                    {t('voidRecord')}
                  </button>
                ) : null}
              </>
            ) : null}
            <CloseButton onClose={onClose} />
          </div>
        </div>
      )}
    </Modal>
  );
}
