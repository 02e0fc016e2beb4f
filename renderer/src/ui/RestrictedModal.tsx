import type { ReactNode } from 'react';
import { Modal } from './Modal';
import { AlertLine, CloseButton } from './formParts';

/**
 * A dialog only some roles may use. Anyone else opens it to the one line that says why (read out
 * at once) instead of its content; either way it ends in the row that closes it.
 */
export function RestrictedModal(p: {
  title: string;
  className: string;
  allowed: boolean;
  refusal: string;
  refusalTestId?: string;
  /** The close button takes focus on opening (a dialog with nothing to type). */
  closeAutoFocus?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal title={p.title} onClose={p.onClose}>
      <div className={p.className}>
        {p.allowed ? p.children : <AlertLine tone="warning" text={p.refusal} testId={p.refusalTestId} />}
        <div className="actions">
          <CloseButton onClose={p.onClose} autoFocus={p.closeAutoFocus} />
        </div>
      </div>
    </Modal>
  );
}
