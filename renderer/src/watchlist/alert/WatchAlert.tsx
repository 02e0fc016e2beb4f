// The watchlist alert at registration (布控命中): shown the moment a complete plate, ID or phone is
// on an active list, above the route line where the eyes are. Each hit says which list and what the
// list says (IDs and phones masked) and is announced (role=alert); each needs a decision —
// 已核查 or 待跟进 with a note — before the vehicle can be saved.
import { entryView, maskedKeyValue, keyKind } from '../../../../shared/watchlist/alert';
import { useT } from '../../runtime/i18n';
import type { WatchAlertState } from './useWatchAlert';

const KIND_LABEL = { plate: 'watchKeyPlate', id: 'watchKeyId', phone: 'watchKeyPhone' } as const;

export function WatchAlert({ state }: { state: WatchAlertState }) {
  const tr = useT();
  const { t } = tr;
  if (state.hits.length === 0) return null;
  return (
    <section className="watch-alert" aria-label={t('watchAlertTitle')} data-testid="watch-alert">
      {state.hits.map((h) => {
        const v = entryView(h);
        const decision = state.drafts.get(h.entry.id);
        const problem = state.problems.get(h.entry.id);
        const matched = h.keys.map((k) => `${t(KIND_LABEL[keyKind(k)])} ${maskedKeyValue(k)}`).join('、');
        // What the list says beyond the value that matched (already named in the first words).
        const kinds = new Set(h.keys.map(keyKind));
        const facts = [
          v.name && `${t('watchName')} ${v.name}`,
          v.idNumber && !kinds.has('id') && `${t('watchKeyId')} ${v.idNumber}`,
          v.phone && !kinds.has('phone') && `${t('watchKeyPhone')} ${v.phone}`,
          v.plate && !kinds.has('plate') && `${t('watchKeyPlate')} ${v.plate}`,
          v.origin && `${t('watchOrigin')} ${v.origin}`,
        ].filter(Boolean);
        return (
          <div className="watch-hit" key={h.entry.id} data-entry={h.entry.id}>
            <p role="alert" className="watch-hit-text">
              <span className="watch-badge">⚠ {t('watchAlertTitle')}</span> <strong>{t('watchHitOn', { list: v.listName, source: v.listSource, matched })}</strong>
              {facts.length > 0 ? ` · ${facts.join(' · ')}` : ''}
              {v.note ? ` · ${t('watchNote', { note: v.note })}` : ''}
              {h.entry.status !== 'open' ? <em className="watch-earlier">{` · ${t('watchEarlier', { status: tr.label('watchEntryStatus', h.entry.status) })}`}</em> : null}
            </p>
            <div className="watch-decision" role="group" aria-label={t('watchDecision')}>
              <button type="button" className="watch-met" aria-pressed={decision?.status === 'met'} onClick={() => state.decide(h.entry.id, { status: 'met' })}>
                {tr.label('watchEntryStatus', 'met')}
              </button>
              <button
                type="button"
                className="watch-follow"
                aria-pressed={decision?.status === 'followUp'}
                onClick={() => state.decide(h.entry.id, { status: 'followUp' })}
              >
                {tr.label('watchEntryStatus', 'followUp')}
              </button>
              <span className="watch-note">
                <input
                  aria-label={t('watchDecisionNote')}
                  placeholder={t('watchDecisionNote')}
                  name={`watch.${h.entry.id}.note`}
                  autoComplete="off"
                  value={decision?.note ?? ''}
                  aria-invalid={problem ? true : undefined}
                  onChange={(e) => state.decide(h.entry.id, { note: e.target.value })}
                />
                {problem ? (
                  <span className="field-error" role="alert">
                    {problem === 'undecided' ? t('watchUndecided') : t('watchNoteRequired')}
                  </span>
                ) : null}
              </span>
            </div>
          </div>
        );
      })}
    </section>
  );
}
