// Deterministic pseudo-random numbers for the benchmark data: the same seed gives the same
// database, so two machines (or two runs) measure the same thing.
import { timeOrderedId } from '../../shared/ids';
import { seeded } from '../../shared/testing/seeded';

export class Rng {
  /** Uniform in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seeded(seed >>> 0 || 0x9e3779b9);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    const v = list[this.int(list.length)];
    if (v === undefined) throw new RangeError('pick from an empty list');
    return v;
  }

  /** Weighted pick: [[value, weight], …]. */
  weighted<T>(list: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of list) total += w;
    let x = this.next() * total;
    for (const [v, w] of list) {
      x -= w;
      if (x < 0) return v;
    }
    const last = list[list.length - 1];
    if (!last) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }

  /** The app's own id layout (shared/ids.ts timeOrderedId) with this generator's random bytes. */
  orderedId(ms: number): string {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i++) bytes[i] = this.int(256);
    return timeOrderedId(ms, bytes);
  }

  /** A UUID-shaped id (version 4 layout) from this generator, so ids are reproducible too. */
  uuid(): string {
    const hex = (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += '0123456789abcdef'.charAt(this.int(16));
      return s;
    };
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'.charAt(this.int(4))}${hex(3)}-${hex(12)}`;
  }
}
