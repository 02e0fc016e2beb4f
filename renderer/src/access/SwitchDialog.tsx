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
          onClose();
          // Chromium does not insert typed text into the field focus returned to as the dialog
          // left the top layer (keys arrive, no input happens; seen in the e2e): once it has left,
          // focus that field afresh, and only then let the new operator act — so the first key
          // after the name changes in the top bar lands in the form.
          requestAnimationFrame(() =>
            setTimeout(() => {
              const el = document.activeElement;
              if (el instanceof HTMLElement && el !== document.body) {
                el.blur();
                el.focus();
              }
              session.signIn(actor, shift.id);
            }, 0),
          );
        }}
      />
    </Modal>
  );
}
