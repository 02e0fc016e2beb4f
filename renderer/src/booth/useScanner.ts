// Scanners and ID-card readers in keyboard mode, wired to the booth form. Listens at keydown
// capture on the window — before the form, the command bus and the input method's text reach the
// field — so a burst can be recognised (shared/scan/detector.ts) whatever has focus, and its Enter
// or Tab is swallowed: a scan never saves a half-filled vehicle or hops fields.
import { useEffect, useRef, type RefObject } from 'react';
import { createScanDetector } from '../../../shared/scan/detector';

/** Where the burst began: the focused element and its caret, for a scan that is plain text. */
export interface ScanOrigin {
  element: HTMLElement | null;
  selectionStart: number | null;
  selectionEnd: number | null;
}

interface Options {
  /** The form; scans are taken only while focus is inside it (or nowhere) and no dialog is open. */
  root: RefObject<HTMLElement | null>;
  /** A new burst begins: the form notes its draft, to put it back if this turns out a scan. */
  onBurstStart: () => void;
  onScan: (text: string, origin: ScanOrigin) => void;
}

function inScope(root: HTMLElement | null): boolean {
  if (!root || document.querySelector('dialog[open]')) return false;
  const active = document.activeElement;
  return active === null || active === document.body || root.contains(active);
}

export function useScanner({ root, onBurstStart, onScan }: Options): void {
  const latest = useRef({ onBurstStart, onScan });
  latest.current = { onBurstStart, onScan };
  useEffect(() => {
    const detector = createScanDetector();
    let origin: ScanOrigin = { element: null, selectionStart: null, selectionEnd: null };
    const onKeyDown = (e: KeyboardEvent) => {
      const step = detector.feed({
        key: e.key,
        code: e.code,
        time: e.timeStamp,
        keyCode: e.keyCode,
        isComposing: e.isComposing,
        repeat: e.repeat,
        shiftKey: e.shiftKey,
        ctrlKey: e.ctrlKey,
        altKey: e.altKey,
        metaKey: e.metaKey,
      });
      if (step.kind === 'char' && step.burstStart) {
        const el = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        const input = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
        origin = { element: el, selectionStart: input?.selectionStart ?? null, selectionEnd: input?.selectionEnd ?? null };
        if (inScope(root.current)) latest.current.onBurstStart();
      } else if (step.kind === 'scan' && inScope(root.current)) {
        e.preventDefault();
        e.stopImmediatePropagation();
        // An input method may still hold part of the burst as composition: leaving the field ends it.
        if (e.isComposing || e.keyCode === 229) origin.element?.blur();
        latest.current.onScan(step.text, origin);
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [root]);
}
