import { describe, expect, it } from 'vitest'
import { MEMORY_MIN_CHANGE_MB, MEMORY_NOISE_FLOOR_MB, scaleOf } from '../../../src/compare/scale.js'

describe('time scale (log ratios)', () => {
  const time = scaleOf('time')

  it('works on logarithms and reports ratios', () => {
    expect(time.transform(Math.E)).toBeCloseTo(1, 14)
    expect(time.transform(0)).toBeNaN()
    expect(time.ratio(Math.log(1.5), 10)).toBeCloseTo(1.5, 14)
    expect(time.relative(Math.log(1.25), 10)).toBeCloseTo(0.25, 14)
    expect(time.band(0.1, 10)).toBeCloseTo(Math.log(1.1), 14)
  })

  it('turns a CV into a log standard deviation and a standard error into a relative one', () => {
    expect(time.floorSd(0.1, 10)).toBeCloseTo(Math.sqrt(Math.log(1.01)), 14)
    expect(time.standardError(0.5, 10)).toBeCloseTo(0.05, 14)
    expect(time.sampleSpread(2, 0.1)).toBeCloseTo((1.482602218505602 * 0.1) / 2, 14)
  })
})

describe('memory scale (absolute MB)', () => {
  const memory = scaleOf('memory')

  it('uses an absolute band of at least the floor', () => {
    expect(memory.band(0.1, 0.02)).toBe(MEMORY_MIN_CHANGE_MB)
    expect(memory.band(0.1, 40)).toBeCloseTo(4, 14)
    expect(memory.band(0.1, -40)).toBeCloseTo(4, 14)
  })

  it('reports ratios against max(|base|, floor), finite near zero', () => {
    expect(memory.ratio(1, 0)).toBe(1 + 1 / MEMORY_MIN_CHANGE_MB)
    expect(memory.ratio(5, 10)).toBe(1.5)
    expect(memory.relative(-2, 10)).toBe(-0.2)
  })

  it('assumes a noise floor of at least the absolute floor', () => {
    expect(memory.floorSd(0.1, 0)).toBe(MEMORY_NOISE_FLOOR_MB)
    expect(memory.floorSd(0.1, 30)).toBeCloseTo(3, 14)
  })
})
