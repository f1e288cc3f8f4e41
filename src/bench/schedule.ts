import type { Rng } from '../stats/index.js'

/** A shuffled copy (Fisher–Yates), so each process meets the benchmarks in a different order. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

/**
 * Whether process `index` of an A/B run loads (or runs) the base first. Half the processes each
 * way cancels the order effect; the pattern B H H B B H H B… also keeps both orders spread evenly
 * over the run, so a slow drift of the machine does not line up with either.
 */
export function baseFirst(index: number): boolean {
  return index % 4 === 0 || index % 4 === 3
}
