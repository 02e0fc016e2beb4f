// 查看/督导: reachable from the booth's top bar and from the open-shift screen (a supervisor may
// use a PC with no open shift). Day view of this PC's shifts and imported ones, import of other
// booths' handover workbooks, district summary and its export.
import { useState } from 'react';
import type { Shift } from '../../../shared/model';
import { useT } from '../runtime/i18n';
import { ExportDialog } from '../handover/ExportDialog';
import { PrintDialog } from '../handover/PrintDialog';
import { DayView } from './DayView';
import { DistrictPanel } from './DistrictPanel';
import { SyncIndicator } from '../sync/SyncIndicator';
import { ReconcileExport } from '../watchlist/reconcile/ReconcileExport';

type Dialog = { kind: 'none' } | { kind: 'export'; shift: Shift } | { kind: 'print'; shiftId: string };

export function SupervisorScreen({ onBack, onToggleLocale }: { onBack: () => void; onToggleLocale: () => void }) {
  const tr = useT();
  const { t } = tr;
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const close = () => setDialog({ kind: 'none' });
  return (
    <div className="supervisor">
      <header className="topbar">
        <h1>
          {t('appTitle')} · {t('supervisorTitle')}
        </h1>
        <SyncIndicator />
        <nav className="topbar-actions">
          <button type="button" onClick={onBack} autoFocus>
            {t('supervisorBack')}
          </button>
          <button type="button" onClick={onToggleLocale} lang={tr.locale === 'en' ? 'zh-CN' : 'en'}>
            {t('language')}
          </button>
        </nav>
      </header>
      <main className="supervisor-body">
        <DayView onExport={(shift) => setDialog({ kind: 'export', shift })} onPrint={(shiftId) => setDialog({ kind: 'print', shiftId })} />
        <DistrictPanel />
        <ReconcileExport />
      </main>
      {dialog.kind === 'export' ? <ExportDialog shift={dialog.shift} onClose={close} /> : null}
      {dialog.kind === 'print' ? <PrintDialog shiftId={dialog.shiftId} onClose={close} /> : null}
    </div>
  );
}
