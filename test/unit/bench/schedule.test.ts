import { describe, expect, it } from 'vitest'
import { pairedLogRatio, separateLogRatio } from '../../../src/bench/ab/log-ratio.js'
import { baseFirst, shuffled } from '../../../src/bench/schedule.js'
import { createRng } from '../../../src/stats/index.js'

describe('shuffled', () => {
  it('returns a permutation, the same for the same seed, and leaves the input alone', () => {
    const items = Array.from({ length: 20 }, (_, i) => i)
    const a = shuffled(items, createRng(1))
    expect([...a].sort((x, y) => x - y)).toEqual(items)
    expect(shuffled(items, createRng(1))).toEqual(a)
    expect(a).not.toEqual(items)
    expect(items[0]).toBe(0)
  })
})

describe('baseFirst', () => {
  it('alternates B H H B, so any even number of processes is balanced', () => {
    expect(Array.from({ length: 8 }, (_, i) => (baseFirst(i) ? 'B' : 'H')).join('')).toBe('BHHBBHHB')
    for (const n of [2, 4, 6, 8, 10]) {
      const base = Array.from({ length: n }, (_, i) => baseFirst(i)).filter(Boolean).length
      expect(base).toBe(n / 2)
    }
  })
})

describe('log ratios', () => {
  it('pairs samples by position and takes the median log ratio, skipping non-positive pairs', () => {
    expect(pairedLogRatio([1, 2, 4, 0], [1.1, 2.2, 4.4, 5])).toBeCloseTo(Math.log(1.1), 12)
    expect(pairedLogRatio([0], [1])).toBeNaN()
  })

  it('compares medians for separate processes', () => {
    expect(separateLogRatio([1, 2, 3], [2, 4, 6])).toBeCloseTo(Math.log(2), 12)
    expect(separateLogRatio([], [1])).toBeNaN()
  })
})
