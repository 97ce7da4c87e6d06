/**
 * A small seeded pseudo-random generator for demo data (sfc32, seeded through splitmix32).
 * Same seed → same sequence on every platform; never use it for anything security-related.
 */

/** splitmix32: spreads a 32-bit seed into well-mixed state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A weighted choice: the value and its (non-negative) weight. */
export type Weighted<T> = readonly [T, number];

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` derives independent sequences from one seed (e.g. one for the city, one for the resources). */
  constructor(seed: number, stream = 0) {
    const state = { s: (seed ^ Math.imul(stream + 1, 0x27d4eb2d)) | 0 };
    this.a = splitmix32(state);
    this.b = splitmix32(state);
    this.c = splitmix32(state);
    this.d = splitmix32(state);
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** sfc32 step: an unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max < min`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick() from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight; zero-weight items are never chosen. */
  pickWeighted<T>(items: readonly Weighted<T>[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    if (!(total > 0)) throw new RangeError("pickWeighted() needs a positive total weight");
    let r = this.next() * total;
    for (const [value, w] of items) {
      if (r < w) return value;
      r -= w;
    }
    // Floating-point slack: the last item with a positive weight.
    for (let i = items.length - 1; i >= 0; i--) if (items[i][1] > 0) return items[i][0];
    throw new RangeError("unreachable");
  }

  /** n distinct items (or all of them if n ≥ length), in random order. Does not modify `items`. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = items.slice();
    const k = Math.max(0, Math.min(n, copy.length));
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i];
      copy[i] = copy[j];
      copy[j] = tmp;
    }
    return copy.slice(0, k);
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }
}
