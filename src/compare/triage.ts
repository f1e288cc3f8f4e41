import { invalidComparison, missingComparison, newComparison } from './build.js'
import type { CompareItem, ComparePolicy, DetailedComparison, Side } from './types.js'

/** A run's items sorted out: the comparisons decided without statistics, and the rest. */
export interface Triage<T> {
  /** By item index: `new`, `missing`, or `inconclusive` with the problem in the data. */
  decided: Map<number, DetailedComparison>
  compared: T[]
}

/**
 * Decides what needs no statistics: a measurement on one side only is `new` or `missing`, and
 * one whose data cannot be compared is `inconclusive` with the problem. `accept` prepares each
 * of the others for the comparator, or returns the problem that stops it. Items with neither
 * side are dropped. Shared by baseline ({@link compareRun}) and A/B comparisons.
 */
export function triage<I extends CompareItem, T>(
  items: readonly I[],
  policy: ComparePolicy,
  accept: (item: I, index: number, base: Side, head: Side, threshold: number) => T | string,
): Triage<T> {
  const decided = new Map<number, DetailedComparison>()
  const compared: T[] = []
  items.forEach((item, index) => {
    const { base, head } = item
    if (base && !head) decided.set(index, missingComparison(item, base.summary))
    else if (head && !base) decided.set(index, newComparison(item, head.summary))
    else if (base && head) {
      const threshold = item.threshold ?? policy.threshold
      const prepared = accept(item, index, base, head, threshold)
      if (typeof prepared === 'string')
        decided.set(
          index,
          invalidComparison(item, { base: base.summary, head: head.summary }, threshold, prepared),
        )
      else compared.push(prepared)
    }
  })
  return { decided, compared }
}

/** The decided comparisons and those judged (for the items at `indices`), in the items' order. */
export function inItemOrder(
  decided: ReadonlyMap<number, DetailedComparison>,
  indices: readonly number[],
  judged: readonly DetailedComparison[],
): DetailedComparison[] {
  const all = new Map(decided)
  judged.forEach((comparison, i) => {
    all.set(indices[i]!, comparison)
  })
  return [...all.entries()].sort(([a], [b]) => a - b).map(([, comparison]) => comparison)
}
