// Barcode / QR scanners and resident-ID card readers in keyboard mode "type" what they read: a
// burst of key presses a few milliseconds apart, ending in Enter or Tab. A person — even a fast
// typist — leaves 50 ms or more between keys on average and never keeps a run of keys under
// 30 ms for a whole word. This detector tells the two apart by timing alone, key by key, so the
// booth can route a scan to the right field and keep its Enter from saving or hopping fields.
// Pure: the caller passes each keydown's timestamp (event.timeStamp in the renderer).

/** What the detector needs of a keydown (a KeyboardEvent has all of it). */
export interface ScanKey {
  key: string;
  /** Physical key ('Digit5', 'KeyX'): the character when an input method hides it behind 'Process'. */
  code?: string;
  /** Milliseconds, monotonic (KeyboardEvent.timeStamp). */
  time: number;
  /** 229 while an input method handles the key (Chrome on Windows, IBus …). */
  keyCode?: number;
  isComposing?: boolean;
  /** Auto-repeat of a held key: a person holding '0', never a scanner. */
  repeat?: boolean;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export interface ScanTiming {
  /** Longest gap between two keys of one burst. Scanners: 2–15 ms; people: 80–300 ms, fast typists ~50 ms. */
  maxGapMs: number;
  /**
   * Fewest characters a scan holds: shorter bursts are a person's key roll-over. 7 is the
   * shortest routed payload (a plate with its province); IDs are 15 or 18, QR codes longer.
   */
  minLength: number;
  /** Longest average gap over the whole burst (its Enter or Tab included). */
  maxMeanGapMs: number;
}

/**
 * 30 ms per gap sits at twice the slowest scanner we plan for and well under a fast typist's
 * average; a person's key roll-over can put two or three keys within it, and the average of 20 ms
 * over the burst keeps even a long run of roll-overs (12–30 ms each) out. The tests replay a fast
 * typist's jittered timings thousands of times without one false scan.
 */
export const SCAN_TIMING: ScanTiming = { maxGapMs: 30, minLength: 7, maxMeanGapMs: 20 };

export type ScanStep =
  /** A character key; `burstStart` when it begins a new burst (the caller notes the field's value). */
  | { kind: 'char'; char: string; burstStart: boolean }
  /** Enter or Tab closing a burst fast enough and long enough: a scan. The caller swallows the key. */
  | { kind: 'scan'; text: string; terminator: 'Enter' | 'Tab' }
  /** Anything else (a person's Enter, arrows, chords …): the burst, if any, is over. */
  | { kind: 'other' };

const IME_CODE = /^(?:Digit|Numpad)(\d)$|^Key([A-Z])$/;

/**
 * The character a keydown stands for, or undefined for a non-character key. With an input method
 * active Chrome reports key 'Process' / keyCode 229 for every key it hands to the IME; the physical
 * `code` still says which key it was, so a scanner's digits and letters are recovered from it
 * (upper-case: IDs end in X, plates are upper-case; shift does not matter here).
 */
export function keyChar(e: Pick<ScanKey, 'key' | 'code' | 'keyCode' | 'ctrlKey' | 'altKey' | 'metaKey'>): string | undefined {
  if (e.ctrlKey || e.altKey || e.metaKey) return undefined;
  if (e.key === 'Process' || e.keyCode === 229) {
    const m = IME_CODE.exec(e.code ?? '');
    if (!m) return undefined;
    return m[1] ?? m[2];
  }
  // One character (a code point, so a scanner's unicode-injected 汉字 counts as one).
  return [...e.key].length === 1 ? e.key : undefined;
}

function isTerminator(e: ScanKey): 'Enter' | 'Tab' | undefined {
  if (e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return undefined;
  if (e.key === 'Enter' || e.code === 'Enter' || e.code === 'NumpadEnter') return 'Enter';
  if (e.key === 'Tab') return 'Tab';
  // An IME reports the Enter that ends a scan as 'Process' too.
  if ((e.key === 'Process' || e.keyCode === 229) && e.code === 'Enter') return 'Enter';
  return undefined;
}

export interface ScanDetector {
  feed(e: ScanKey): ScanStep;
  /** Forget the burst (focus moved, the form was reset). */
  reset(): void;
}

export function createScanDetector(timing: ScanTiming = SCAN_TIMING): ScanDetector {
  let chars: string[] = [];
  let first = 0;
  let last = -Infinity;
  return {
    feed(e) {
      const gap = e.time - last;
      const terminator = isTerminator(e);
      if (terminator) {
        const mean = (e.time - first) / Math.max(1, chars.length);
        const scanned = chars.length >= timing.minLength && gap <= timing.maxGapMs && mean <= timing.maxMeanGapMs;
        const text = chars.join('');
        chars = [];
        last = -Infinity;
        return scanned ? { kind: 'scan', text, terminator } : { kind: 'other' };
      }
      const char = e.repeat ? undefined : keyChar(e);
      if (char === undefined) {
        // Shift alone (a scanner's upper-case X is Shift+x) does not break the burst.
        if (e.key === 'Shift') return { kind: 'other' };
        chars = [];
        last = -Infinity;
        return { kind: 'other' };
      }
      const burstStart = gap > timing.maxGapMs || chars.length === 0;
      if (burstStart) {
        chars = [];
        first = e.time;
      }
      chars.push(char);
      last = e.time;
      return { kind: 'char', char, burstStart };
    },
    reset() {
      chars = [];
      last = -Infinity;
    },
  };
}
