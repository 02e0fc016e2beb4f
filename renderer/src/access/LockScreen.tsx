// The booth when nobody is signed in: after the idle time, after a restart, or before the first
// member signs in. Nothing of the shift's records shows here; the half-typed vehicle stays on disk
// (db/boothDraft.ts) and comes back when the booth screen opens again.
import type { Shift, StationSettings } from '../../../shared/model';
import { shiftNameLabel } from '../../../shared/i18n/labels';
import { useSession } from '../runtime/session';
import { useT } from '../runtime/i18n';
import { OperatorSwitch } from './OperatorSwitch';

export function LockScreen({ shift, settings }: { shift: Shift; settings: StationSettings }) {
  const tr = useT();
  const session = useSession();
  return (
    <main className="lock-screen" data-testid="lock-screen">
      <h1>
        {tr.t('appTitle')} · {tr.t('accessLockedTitle')}
      </h1>
      <p className="shift-info">
        {shift.checkpoint} · {shiftNameLabel(shift.shiftName, tr.locale)} · {shift.day}
      </p>
      <p className="hint">{tr.t('accessLockedHint', { n: settings.idleLockMinutes })}</p>
      <OperatorSwitch shift={shift} onSignedIn={(actor) => session.signIn(actor, shift.id)} />
    </main>
  );
}
