import { describe, expect, it } from 'vitest'
import { huberGroups, ROBUST_DF_SHARE } from '../../../src/compare/huber.js'

describe('huberGroups', () => {
  it('equals the means and the pooled variance when no value is far out', () => {
    const fit = huberGroups([
      [1, 2, 3],
      [10, 11, 12],
    ])!
    expect(fit.centres[0]).toBeCloseTo(2, 12)
    expect(fit.centres[1]).toBeCloseTo(11, 12)
    expect(fit.df).toBe(ROBUST_DF_SHARE * 4)
    expect(fit.variance).toBeGreaterThan(0)
  })

  it('caps the pull of a wild value: the centre stays with the others', () => {
    const fit = huberGroups([[0.001, -0.001, 0.0005, -0.0005, 0.0002, -1.5]])!
    expect(Math.abs(fit.centres[0]!)).toBeLessThan(0.002)
    // The classical mean would be −0.25 and the standard deviation 0.6.
    expect(Math.sqrt(fit.variance)).toBeLessThan(0.01)
  })

  it('has nothing to say without residual degrees of freedom or spread', () => {
    expect(huberGroups([[1], [2]])).toBeUndefined()
    expect(huberGroups([[3, 3, 3]])).toBeUndefined()
  })
})
