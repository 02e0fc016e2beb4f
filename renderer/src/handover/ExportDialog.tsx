// 导出交接表: masked by default. Full ID numbers and phones (for the health department) are a
// deliberate choice: an unticked, clearly labelled box with a warning once ticked.
import { useEffect, useRef, useState } from 'react';
import type { Shift } from '../../../shared/model';
import { handoverFileName } from '../../../shared/excel/fileName';
import { shiftNameLabel } from '../../../shared/i18n/labels';
import { useT } from '../runtime/i18n';
import { Modal } from '../ui/Modal';
import { CheckField, moveOnEnter } from '../ui/fields';
import { useHandoverExport } from '../export/ExportContext';
import { useCommand } from '../runtime/commands';
import { useDb } from '../runtime/dbContext';
import { ensureStationKey } from '../db';
import { useActor } from '../runtime/session';

export function ExportDialog({ shift, onClose }: { shift: Shift; onClose: () => void }) {
  const { t, locale } = useT();
  const exporter = useHandoverExport();
  const actor = useActor();
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
    if (!exporter.exportHandover(shift, fullIds, actor)) {
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
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
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
        <CheckField label={t('exportFullIds')} checked={fullIds} onChange={setFullIds} className="full-ids" />
        {fullIds ? (
          <p className="warning" role="alert">
            {t('exportFullIdsWarning')}
          </p>
        ) : null}
        {busy ? (
          <p className="field-error" role="alert">
            {t('exportBusy')}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" data-nav="">
            {fullIds ? t('exportStartFull') : t('exportStart')}
          </button>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
