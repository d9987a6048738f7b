/** A uniform draw in [0, 1). Injected wherever jitter or simulated failures need chance. */
export type RandomSource = () => number;

/**
 * mulberry32: 32 bits of state, a few integer operations per draw. Not cryptographic;
 * chosen because runs must be reproducible from a seed and cheap enough for the simulator.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
