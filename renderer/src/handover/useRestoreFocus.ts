import { useEffect, useState } from 'react';

/**
 * Gives focus back to where it was when a dialog opened, once the dialog goes. A modal <dialog>
 * removed from the page (rather than closed) does not do this itself, and a keyboard user would be
 * left on <body>.
 */
export function useRestoreFocus(): void {
  const [previous] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      if (previous && previous.isConnected && previous !== document.body) previous.focus();
    },
    [previous],
  );
}
