import { describe, expect, it } from 'vitest'
import { adjustPValues } from '../../../src/stats/index.js'

const P = [0.01, 0.04, 0.03, 0.005, 0.2, 0.02]

describe('adjustPValues (R p.adjust)', () => {
  it('holm', () => {
    // p.adjust(P, "holm"), computed with R's own formula in NumPy:
    //   o = argsort(p); pmin(1, cummax((n - i + 1) * p[o]))[ro]
    //   -> [0.05, 0.09, 0.09, 0.03, 0.2, 0.08]
    expect(adjustPValues(P, 'holm')).toEqual(
      [0.05, 0.09, 0.09, 0.03, 0.2, 0.08].map((x) => expect.closeTo(x, 14)),
    )
  })

  it('BH', () => {
    // scipy.stats.false_discovery_control(P, method='bh') (= p.adjust(P, "BH"))
    //   -> [0.03, 0.048, 0.045, 0.03, 0.2, 0.04]
    expect(adjustPValues(P, 'bh')).toEqual(
      [0.03, 0.048, 0.045, 0.03, 0.2, 0.04].map((x) => expect.closeTo(x, 14)),
    )
  })

  it('bonferroni caps at 1', () => {
    // p.adjust(P, "bonferroni") -> 0.06 0.24 0.18 0.03 1.00 0.12
    expect(adjustPValues(P, 'bonferroni')).toEqual(
      [0.06, 0.24, 0.18, 0.03, 1, 0.12].map((x) => expect.closeTo(x, 14)),
    )
  })

  it('keeps ties and an empty family', () => {
    expect(adjustPValues([0.01, 0.01], 'holm')).toEqual([0.02, 0.02])
    expect(adjustPValues([], 'bh')).toEqual([])
  })
})
