// On the open-shift screen: the shift just handed over, with its export and print (Ctrl+E / Ctrl+P)
// — "the next shift opens from there".
import { useState } from 'react';
import type { Shift } from '../../../shared/model';
import { shiftNameLabel } from '../../../shared/i18n/labels';
import { useCommand } from '../runtime/commands';
import { useT } from '../runtime/i18n';
import { formatDateTime } from '../ui/format';
import { ExportDialog } from './ExportDialog';
import { PrintDialog } from './PrintDialog';

export function PreviousShiftPanel({ shift }: { shift: Shift }) {
  const { t, locale } = useT();
  const [dialog, setDialog] = useState<'none' | 'export' | 'print'>('none');
  useCommand('exportHandover', () => setDialog('export'));
  useCommand('print', () => setDialog('print'));
  const exports = shift.exports ?? [];
  const last = exports[exports.length - 1];
  return (
    <section className="previous-shift" aria-label={t('previousShift')} data-testid="previous-shift">
      <p>
        <strong>{t('previousShift')}</strong>：{shift.checkpoint} · {shiftNameLabel(shift.shiftName, locale)} · {shift.day} ·{' '}
        {t('handedOver', {
          lead: shift.leadName,
          receiving: shift.handover?.receivingLead ?? '—',
          at: shift.closedAt === undefined ? '—' : formatDateTime(shift.closedAt),
        })}
      </p>
      <p data-testid="previous-shift-exports">
        {last
          ? t('exportedTimes', { n: exports.length, at: formatDateTime(last.at), where: last.where }) + (last.fullIds ? ` ${t('exportFullIdsNote')}` : '')
          : t('notExportedYet')}
      </p>
      <div className="row">
        <button type="button" onClick={() => setDialog('export')}>
          {t('exportHandover')} (Ctrl+E)
        </button>
        <button type="button" onClick={() => setDialog('print')}>
          {t('printHandover')} (Ctrl+P)
        </button>
      </div>
      {dialog === 'export' ? <ExportDialog shift={shift} onClose={() => setDialog('none')} /> : null}
      {dialog === 'print' ? <PrintDialog shiftId={shift.id} onClose={() => setDialog('none')} /> : null}
    </section>
  );
}
