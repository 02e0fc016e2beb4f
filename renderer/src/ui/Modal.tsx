import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useCommandBus } from '../runtime/commands';

/**
 * Where focus goes when a dialog closes: back into the registration form if that is where the
 * operator was typing, otherwise to the form's home field (the plate, marked data-focus-home), and
 * only then to whatever had focus before (screens without a form). Never <body>: the next keys
 * must land somewhere.
 */
export function restoreFocusAfterDialog(previous: Element | null): void {
  const home = document.querySelector<HTMLElement>('[data-focus-home]');
  const wasInForm = previous instanceof HTMLElement && previous.isConnected && previous.closest('form.registration') !== null;
  if (wasInForm) previous.focus();
  else if (home) home.focus();
  else if (previous instanceof HTMLElement && previous.isConnected && previous !== document.body) previous.focus();
}

/**
 * A native modal <dialog>: focus is trapped by the browser and Esc closes it. While it is open it
 * owns the keyboard (a command layer: see runtime/commands), and when it goes focus returns to
 * the form.
 */
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const bus = useCommandBus();
  const [previous] = useState(() => document.activeElement);
  // A layout effect opens the layer before the dialog's own commands register (passive effects),
  // so they land in the dialog's layer.
  useLayoutEffect(() => bus.openLayer(), [bus]);
  useLayoutEffect(() => {
    const d = ref.current;
    return () => {
      // While a modal dialog is open everything outside it is inert and cannot take focus: close
      // it first (React removes the element only after this cleanup).
      if (d?.open) d.close();
      restoreFocusAfterDialog(previous);
    };
  }, [previous]);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      className="modal"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
