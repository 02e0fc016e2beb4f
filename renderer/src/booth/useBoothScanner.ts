// What the booth form does with a scan: put the draft back as it was before the burst (the
// scanner's keys may have landed in whatever field had focus — text, a digit-picked choice), then
// apply the routed scan (shared/scan/) and put the cursor where it landed.
import { useRef, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { flushSync } from 'react-dom';
import type { VehicleDraft } from '../../../shared/registration';
import { draftWithScan, scanView } from '../../../shared/scan/apply';
import { classifyScan } from '../../../shared/scan/payload';
import { routeScan } from '../../../shared/scan/route';
import { newId } from '../db';
import type { Say } from '../runtime/i18n';
import { personTitle } from './personTitle';
import { useScanner, type ScanOrigin } from './useScanner';

interface Options {
  formRef: RefObject<HTMLFormElement | null>;
  draftRef: RefObject<VehicleDraft>;
  setDraft: Dispatch<SetStateAction<VehicleDraft>>;
  say: (say: Say) => void;
  /** A plate arrived by scan: look it up as Enter in the plate field would (repeat vehicles). */
  onPlate: (plateInput: string) => void;
}

/** Types text into an input as if at its caret (React sees an ordinary input event). */
function insertAtCaret(el: HTMLInputElement | HTMLTextAreaElement, text: string, origin: ScanOrigin): void {
  const start = origin.selectionStart ?? el.value.length;
  const end = origin.selectionEnd ?? start;
  const value = el.value.slice(0, start) + text + el.value.slice(end);
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el) as object, 'value')?.set;
  setter?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.focus();
  el.setSelectionRange(start + text.length, start + text.length);
}

export function useBoothScanner({ formRef, draftRef, setDraft, say, onPlate }: Options): void {
  const before = useRef<VehicleDraft | null>(null);
  useScanner({
    root: formRef,
    onBurstStart: () => {
      before.current = draftRef.current;
    },
    onScan: (text, origin) => {
      const base = before.current ?? draftRef.current;
      before.current = null;
      const line = origin.element?.closest<HTMLElement>('section.occupant')?.dataset.index;
      const route = routeScan(classifyScan(text), scanView(base, line === undefined ? undefined : Number(line)));
      flushSync(() => setDraft(draftWithScan(base, route, newId)));
      const form = formRef.current;
      if (route.to === 'focused') {
        const el = origin.element;
        if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && form?.contains(el)) insertAtCaret(el, text, origin);
        say((tr) => tr.t('scanText'));
        return;
      }
      if (route.to === 'plate') {
        form?.querySelector<HTMLInputElement>('input[name="plate"]')?.focus();
        say((tr) => tr.t('scanPlate', { plate: route.plate }));
        onPlate(route.plate);
        return;
      }
      form?.querySelector<HTMLInputElement>(`input[name="occupants.${route.index}.${route.focus}"]`)?.focus();
      const key = route.focus === 'docNumber' && route.set.name === undefined ? 'scanId' : 'scanPerson';
      say((tr) => tr.t(key, { role: personTitle(tr, route.index) }));
    },
  });
}
