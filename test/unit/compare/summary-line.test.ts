import { describe, expect, it } from 'vitest'
import { countVerdicts, geometricMeanRatio, notableRunShift } from '../../../src/compare/index.js'
import { summarize } from '../../../src/stats/index.js'
import type { Comparison } from '../../../src/types.js'

const s = summarize([1, 2, 3])
const compared = (ratio: number, metric: 'time' | 'memory' = 'time', verdict: 'same' | 'slower' = 'same') =>
  ({
    verdict,
    key: 'k',
    file: 'f',
    name: 'n',
    metric,
    unit: metric === 'time' ? 'ms' : 'MB',
    stat: 'median',
    base: s,
    head: s,
    change: { ratio, low: ratio, high: ratio, level: 0.99 },
    p: 0.5,
    pAdjusted: 1,
    threshold: 0.1,
  }) satisfies Comparison
const fresh: Comparison = {
  verdict: 'new',
  key: 'k',
  file: 'f',
  name: 'n',
  metric: 'time',
  unit: 'ms',
  stat: 'median',
  head: s,
}

describe('geometricMeanRatio', () => {
  it('is the geometric mean of the time ratios', () => {
    expect(geometricMeanRatio([compared(2), compared(0.5), compared(1)])).toBeCloseTo(1, 14)
    expect(geometricMeanRatio([compared(1.21), compared(1)])).toBeCloseTo(1.1, 14)
  })

  it('leaves out memory, new/missing and NaN ratios, and is undefined with nothing left', () => {
    expect(geometricMeanRatio([compared(4), compared(9, 'memory'), fresh, compared(Number.NaN)])).toBeCloseTo(
      4,
      14,
    )
    expect(geometricMeanRatio([fresh])).toBeUndefined()
  })
})

describe('countVerdicts', () => {
  it('counts every verdict, zero when absent', () => {
    expect(countVerdicts([compared(1), compared(2, 'time', 'slower'), fresh, compared(1)])).toEqual({
      faster: 0,
      same: 2,
      slower: 1,
      inconclusive: 0,
      new: 1,
      missing: 0,
    })
  })
})

describe('notableRunShift', () => {
  const shifted = (runShift: number): Comparison => ({
    ...compared(runShift),
    noise: { source: 'rounds', processSd: 0.05, df: 10, inflation: 1, runShift },
  })

  it('is the run shift the time comparisons carry, once it is 5% or more either way', () => {
    expect(notableRunShift([fresh, shifted(1.42), shifted(1.42)])).toBe(1.42)
    expect(notableRunShift([shifted(0.9)])).toBe(0.9)
    expect(notableRunShift([shifted(1.03)])).toBeUndefined()
    expect(notableRunShift([compared(1.5), fresh])).toBeUndefined()
  })
})
