// 打印交接表: an on-screen preview, printed through the normal print path (window.print in the
// browser, webContents.print in Electron). A copy of the report is portalled to <body> and the
// @media print rules (styles.css, body.print-handover) print that copy and nothing else.
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { handoverFileName } from '../../../shared/exportFileNames';
import { useCommand } from '../runtime/commands';
import { useT, type Say } from '../runtime/i18n';
import { getPlatform } from '../platform/platform';
import { Modal } from '../ui/Modal';
import { HandoverReportView } from './HandoverReportView';
import { buildHandoverReport } from './report';
import { useShiftRecords } from './useShiftRecords';
import { auditOutput } from '../db';
import { useDb } from '../runtime/dbContext';
import { useActor } from '../runtime/session';
import { CloseButton } from '../ui/formParts';

type Status = { tone: 'ok' | 'error' | 'info'; say: Say } | null;

export function PrintDialog({ shiftId, onClose }: { shiftId: string; onClose: () => void }) {
  const tr = useT();
  const { t } = tr;
  const records = useShiftRecords(shiftId);
  const report = useMemo(() => (records ? buildHandoverReport(records) : null), [records]);
  const [status, setStatus] = useState<Status>(null);
  const busy = useRef(false);
  const platform = getPlatform();
  const db = useDb();
  const actor = useActor();
  // Every print and PDF is audited; the printed sheet is always masked (report.ts).
  const audit = (fileName: string) =>
    records ? auditOutput(db, actor, 'print', { shiftId: records.shift.id, fileName, fullIds: false, vehicles: records.vehicles.length, persons: records.persons.length }, Date.now()) : undefined;

  useEffect(() => {
    document.body.classList.add('print-handover');
    return () => document.body.classList.remove('print-handover');
  }, []);

  const print = async () => {
    if (!report || busy.current) return;
    busy.current = true;
    try {
      await audit('');
      const r = await platform.print();
      setStatus(r.ok ? { tone: 'info', say: (tr) => tr.t('printSent') } : { tone: 'error', say: (tr) => tr.t('printFailed', { reason: tr.pick(r.error.message) }) });
    } finally {
      busy.current = false;
    }
  };

  const pdf = async () => {
    if (!records || busy.current) return;
    busy.current = true;
    try {
      const suggestedName = handoverFileName(records.shift, records.shift.day).replace(/\.xlsx$/, '.pdf');
      const r = await platform.printToPdf({ suggestedName });
      if (!r.ok) setStatus({ tone: 'error', say: (tr) => tr.t('pdfFailed', { reason: tr.pick(r.error.message) }) });
      else if (!r.value.saved) setStatus({ tone: 'info', say: (tr) => tr.t('pdfCancelled') });
      else {
        await audit(suggestedName);
        const where = r.value.path;
        setStatus({ tone: 'ok', say: (tr) => tr.t('pdfSaved', { where }) });
      }
    } finally {
      busy.current = false;
    }
  };

  // Ctrl+P while the preview is open prints it.
  useCommand('print', () => void print());

  return (
    <Modal title={t('printTitle')} onClose={onClose}>
      <div className="print-dialog">
        <div className="print-buttons">
          {/* Never disabled: the dialog gives its first enabled button the focus, and this is the one. */}
          <button type="button" className="primary" autoFocus onClick={() => void print()}>
            {t('printButton')}
          </button>
          {platform.kind === 'electron' ? (
            <button type="button" disabled={!report} onClick={() => void pdf()}>
              {t('pdfButton')}
            </button>
          ) : (
            <span className="field-hint">{t('pdfInBrowser')}</span>
          )}
          <CloseButton onClose={onClose} />
          <div role="status" aria-live="polite" className={`status ${status ? `status-${status.tone === 'error' ? 'error' : 'saved'}` : ''}`}>
            {status ? status.say(tr) : ''}
          </div>
        </div>
        {records === undefined ? (
          <p>{t('loading')}</p>
        ) : report === null ? (
          <p className="field-error" role="alert">
            {t('shiftNotFound')}
          </p>
        ) : (
          <div className="print-preview">
            <HandoverReportView report={report} />
          </div>
        )}
      </div>
      {report ? createPortal(<div className="print-root" aria-hidden="true"><HandoverReportView report={report} /></div>, document.body) : null}
    </Modal>
  );
}
