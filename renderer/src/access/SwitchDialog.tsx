// F8 at the booth: switch the active operator. Until the new PIN is accepted, whoever was signed
// in stays signed in; Esc closes with nothing changed.
import type { Shift } from '../../../shared/model';
import { useSession } from '../runtime/session';
import { useT } from '../runtime/i18n';
import { Modal } from '../ui/Modal';
import { OperatorSwitch } from './OperatorSwitch';

export function SwitchDialog({ shift, onClose }: { shift: Shift; onClose: () => void }) {
  const tr = useT();
  const session = useSession();
  return (
    <Modal title={tr.t('accessSwitchTitle')} onClose={onClose}>
      <OperatorSwitch
        shift={shift}
        onSignedIn={(actor) => {
          session.signIn(actor, shift.id);
          onClose();
        }}
      />
    </Modal>
  );
}
