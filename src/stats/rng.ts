/**
 * Seeded pseudo-random numbers, so everything random in perfgate (resampling, synthetic tests,
 * experiments) is reproducible from a seed. xoshiro128** (Blackman & Vigna, 2018): 32-bit
 * state words fit JavaScript's integer operations, period 2^128 − 1, passes BigCrush.
 */
export interface Rng {
  /** Uniform on [0, 1), 32 bits of resolution. */
  next(): number
  /** Standard normal N(0, 1) by the Box–Muller transform. */
  normal(): number
  /** Uniform integer on 0 … bound − 1. */
  int(bound: number): number
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k))

/** The raw xoshiro128** generator over a 4-word state (mutated); yields unsigned 32-bit integers. */
export function xoshiro128ss(state: Uint32Array): () => number {
  return () => {
    const s = state
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0
    const t = s[1]! << 9
    s[2]! ^= s[0]!
    s[3]! ^= s[1]!
    s[1]! ^= s[2]!
    s[0]! ^= s[3]!
    s[2]! ^= t
    s[3] = rotl(s[3]!, 11)
    return result
  }
}

// SplitMix32 spreads a small integer seed over the whole state: nearby seeds give unrelated
// streams, and the state is never all zero (the one state xoshiro cannot leave).
function splitmix32(seed: number): () => number {
  let a = seed | 0
  return () => {
    a = (a + 0x9e3779b9) | 0
    let t = a ^ (a >>> 16)
    t = Math.imul(t, 0x21f0aaad)
    t ^= t >>> 15
    t = Math.imul(t, 0x735a2d97)
    return (t ^ (t >>> 15)) >>> 0
  }
}

/** A generator seeded with `seed` (an integer; the same seed always gives the same stream). */
export function createRng(seed: number): Rng {
  const mix = splitmix32(seed)
  const state = Uint32Array.of(mix(), mix(), mix(), mix())
  if (state.every((word) => word === 0)) state[0] = 1
  const bits = xoshiro128ss(state)
  let spare: number | undefined
  const next = () => bits() / 4294967296
  return {
    next,
    normal() {
      if (spare !== undefined) {
        const z = spare
        spare = undefined
        return z
      }
      // 1 − u lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()))
      const angle = 2 * Math.PI * next()
      spare = radius * Math.sin(angle)
      return radius * Math.cos(angle)
    },
    int: (bound) => Math.floor(next() * bound),
  }
}
