// 导出交接表: masked by default. Full ID numbers and phones (for the health department) are a
// deliberate choice: an unticked, clearly labelled box with a warning once ticked — offered only
// to a shift lead or administrator (`can(actor, 'exportFull')`; the export job refuses it too).
// Every export is audited (ExportContext → db/privacy.ts auditOutput).
import { useEffect, useRef, useState } from 'react';
import type { Shift } from '../../../shared/model';
import { handoverFileName } from '../../../shared/exportFileNames';
import { shiftNameLabel } from '../../../shared/i18n/labels';
import { useT } from '../runtime/i18n';
import { Modal } from '../ui/Modal';
import { CheckField, moveOnEnter } from '../ui/fields';
import { useHandoverExport } from '../export/ExportContext';
import { useCommand } from '../runtime/commands';
import { useDb } from '../runtime/dbContext';
import { ensureStationKey } from '../db';
import { AlertLine, FormActions, submitWith } from '../ui/formParts';
import { can } from '../../../shared/privacy/roles';
import { useActor } from '../runtime/session';

export function ExportDialog({ shift, onClose }: { shift: Shift; onClose: () => void }) {
  const { t, locale } = useT();
  const exporter = useHandoverExport();
  const actor = useActor();
  const mayExportFull = can(actor, 'exportFull');
  const [fullIds, setFullIds] = useState(false);
  const [busy, setBusy] = useState(false);
  const db = useDb();
  const [stationFp, setStationFp] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    ensureStationKey(db).then(
      (k) => live && setStationFp(k.fingerprint),
      () => undefined, // shown when available; signing itself reports its own failure
    );
    return () => {
      live = false;
    };
  }, [db]);
  const rootRef = useRef<HTMLFormElement>(null);

  // Focus starts on the export button, not on the full-ID box: one stray Space must never tick
  // the export of full ID numbers.
  useEffect(() => {
    rootRef.current?.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
  }, []);

  const start = () => {
    if (!exporter.exportHandover(shift, fullIds && mayExportFull, actor)) {
      setBusy(true);
      return;
    }
    onClose();
  };
  // Ctrl+E again (or Ctrl+S) starts the export with what is chosen.
  useCommand('exportHandover', start);
  useCommand('save', start);

  return (
    <Modal title={t('exportTitle')} onClose={onClose}>
      <form
        ref={rootRef}
        className="export-form"
        onKeyDown={moveOnEnter}
        onSubmit={submitWith(start)}
      >
        <p>
          {shift.checkpoint} · {shiftNameLabel(shift.shiftName, locale)} · {shift.day} · {shift.status === 'closed' ? t('shiftClosed') : t('shiftStillOpen')}
        </p>
        <p>
          {t('exportFileName')}：<code>{handoverFileName(shift, shift.day)}</code>
        </p>
        {shift.status === 'closed' ? null : (
          <p className="warning" data-testid="export-provisional">
            {t('exportProvisionalNote')}
          </p>
        )}
        <p className="field-hint">{t('exportMaskedNote')}</p>
        {stationFp ? (
          <p className="field-hint" data-testid="station-fingerprint">
            {t('exportStationKey', { fp: stationFp })}
          </p>
        ) : null}
        {mayExportFull ? (
          <CheckField label={t('exportFullIds')} checked={fullIds} onChange={setFullIds} className="full-ids" />
        ) : (
          <p className="field-hint">{t('exportFullNotAllowed')}</p>
        )}
        <AlertLine tone="warning" text={fullIds ? t('exportFullIdsWarning') : null} />
        <AlertLine text={busy ? t('exportBusy') : null} />
        <FormActions submitLabel={fullIds ? t('exportStartFull') : t('exportStart')} closeLabel={t('cancel')} onClose={onClose} />
      </form>
    </Modal>
  );
}
