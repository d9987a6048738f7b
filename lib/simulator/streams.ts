import type { RandomSource } from "@/lib/retry";

/**
 * Counter-based randomness: draw n of stream s for delivery i is a hash of (seed, s, i, n).
 * A draw depends only on those four numbers, never on how many draws came before, which is
 * what lets two policies see the same endpoint behaviour for the same attempt number
 * (common random numbers) however differently they retry.
 */

/** The stream each kind of chance is drawn from; separate so jitter never shifts a failure draw. */
export const STREAM = { arrival: 1, endpoint: 2, jitter: 3 } as const;

/** lowbias32 (Chris Wellons): a bijective 32-bit mixer with strong avalanche. */
function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The key of one delivery's stream; computed once per delivery, then drawn from by counter. */
export function streamKey(seed: number, stream: number, index: number): number {
  const seeded = mix32(mix32(seed ^ 0x9e3779b9) + Math.imul(stream, 0x85ebca6b));
  return mix32(seeded + index);
}

/** Draw number `n` of the stream `key`, uniform in [0, 1). */
export function drawAt(key: number, n: number): number {
  return mix32(mix32(key ^ Math.imul(n + 1, 0xc2b2ae35)) + n) / 4294967296;
}

export interface CounterStream {
  /** Successive draws of the current key. */
  readonly next: RandomSource;
  /** Point the stream at another key and start again from draw 0. */
  reset(key: number): void;
}

/** One reusable stream, so the simulator re-keys instead of allocating a closure per delivery. */
export function counterStream(): CounterStream {
  let key = 0;
  let n = 0;
  return {
    next: () => drawAt(key, n++),
    reset(next: number) {
      key = next;
      n = 0;
    },
  };
}
