// Flows of scanners and ID-card readers in keyboard mode (a burst of keys a few milliseconds
// apart, ending in Enter or Tab) and of people recognised across visits (the banner, F6).
//
// Key bursts are trusted key events sent through the DevTools protocol with their timestamps set
// (KeyboardEvent.timeStamp is what the booth's detector reads), so a scanner's 2–15 ms or a
// person's 80–300 ms per key reach the page exactly, however loaded the test machine is —
// page.keyboard's `delay` measured 4–340 ms between keys on a busy 2-core machine.
import { expect, type Locator } from '@playwright/test';
import type { BoothPage } from './BoothPage';
import { SCAN_TIMING } from '../../../shared/scan/detector';

type KeyEvent = { key: string; code: string; text?: string; keyCode: number; shift?: boolean };

function keyOf(c: string): KeyEvent {
  if (c === '\n') return { key: 'Enter', code: 'Enter', text: '\r', keyCode: 13 };
  if (c === '\t') return { key: 'Tab', code: 'Tab', keyCode: 9 };
  if (/\d/.test(c)) return { key: c, code: `Digit${c}`, text: c, keyCode: c.charCodeAt(0) };
  if (/[a-z]/.test(c)) return { key: c, code: `Key${c.toUpperCase()}`, text: c, keyCode: c.toUpperCase().charCodeAt(0) };
  if (/[A-Z]/.test(c)) return { key: c, code: `Key${c}`, text: c, keyCode: c.charCodeAt(0), shift: true };
  // Punctuation and 汉字: a reader that types Unicode sends the character itself.
  return { key: c, code: '', text: c, keyCode: 0 };
}

/**
 * Keys at the given gaps (ms before each key), as trusted events. `ime`: an input method is on,
 * so Chrome reports every key as 'Process' / keyCode 229 with only the physical key (code) and
 * no text — the characters never reach the field by themselves.
 */
async function keyBurst(booth: BoothPage, text: string, gapMs: (i: number) => number, ime = false): Promise<void> {
  // Nobody scans within 30 ms of their last keystroke: they let go of the keyboard and pick up the
  // reader. Without this pause, Playwright's own instant typing just before (the page object's
  // registerVehicle) and the burst's first key fall within one burst gap and are read as one scan.
  await booth.page.waitForTimeout(SCAN_TIMING.maxGapMs * 5);
  const cdp = await booth.page.context().newCDPSession(booth.page);
  let t = Date.now() / 1000;
  for (const [i, c] of [...text].entries()) {
    t += gapMs(i) / 1000;
    const k = keyOf(c);
    const modifiers = k.shift ? 8 : 0;
    const base = ime
      ? { key: 'Process', code: k.code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 }
      : { key: k.key, code: k.code, windowsVirtualKeyCode: k.keyCode, modifiers };
    const down = ime || k.text === undefined ? { ...base, type: 'rawKeyDown' as const } : { ...base, type: 'keyDown' as const, text: k.text, unmodifiedText: k.text };
    await cdp.send('Input.dispatchKeyEvent', { ...down, timestamp: t });
    await cdp.send('Input.dispatchKeyEvent', { ...base, type: 'keyUp', timestamp: t + 0.001 });
  }
  await cdp.detach();
}

/** A keyboard-mode scanner: the payload at `msPerKey` (scanners: 2–15 ms) and its Enter or Tab. */
export async function scan(booth: BoothPage, text: string, opts: { msPerKey?: number; end?: 'Enter' | 'Tab' } = {}): Promise<void> {
  await keyBurst(booth, text + (opts.end === 'Tab' ? '\t' : '\n'), () => opts.msPerKey ?? 6);
}

/** The same scanner while a Chinese input method is on (keys arrive as 'Process' / 229). */
export async function scanWithImeOn(booth: BoothPage, text: string, msPerKey = 6): Promise<void> {
  await keyBurst(booth, text + '\n', () => msPerKey, true);
}

/** The same characters typed by a person, 80–300 ms per key (or a fast typist's ~50 ms), then Enter. */
export async function typeLikeAPerson(booth: BoothPage, text: string, gaps: readonly number[] = [120, 95, 210, 80, 150, 300, 110]): Promise<void> {
  await keyBurst(booth, text + '\n', (i) => gaps[i % gaps.length]!);
}

/** The field of person `i` (0 = driver) by its name: 'name', 'docNumber', 'phone', 'temp'. */
export function personField(booth: BoothPage, i: number, field: 'name' | 'docNumber' | 'phone' | 'temp'): Locator {
  return booth.page.locator(`input[name="occupants.${i}.${field}"]`);
}

export function recognisedBanner(booth: BoothPage): Locator {
  return booth.page.getByTestId('recognised-person');
}

/** A person seen before: type their ID into person `i`'s ID field, see the banner, F6 reuses name and phone. */
export async function reuseRecognisedPerson(booth: BoothPage, i: number, id: string): Promise<void> {
  await personField(booth, i, 'docNumber').focus();
  await booth.type(id);
  await expect(recognisedBanner(booth)).toBeVisible();
  await booth.press('F6');
  await expect(personField(booth, i, 'temp')).toBeFocused();
}
