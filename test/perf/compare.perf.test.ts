import { describe, expect, test } from 'vitest'
import { compareRun, DEFAULT_COMPARE_POLICY } from '../../src/compare/index.js'
import { createRng } from '../../src/stats/index.js'
import { simulateFamily } from '../unit/compare/synthetic.js'

// Target (issue: comparator speed): 1,000 measurements of 100 samples compared in < 200 ms.
const family = (baseRounds: number, samplesPerRound: number) =>
  simulateFamily(createRng(7), {
    size: 1000,
    ratio: 1,
    shape: 'lognormal',
    processCv: 0.05,
    baseRounds,
    headRounds: 1,
    samplesPerRound,
  })

describe('comparator', () => {
  const single = family(1, 100)
  const rounds = family(5, 20)
  const tenRounds = family(10, 10)

  test('1,000 measurements x 100 samples, one process each side', () => {
    expect(() => compareRun(single, DEFAULT_COMPARE_POLICY)).toCompleteWithin(200, { timeBudget: 3000 })
  })

  test('1,000 measurements x 100 samples, baseline in 5 rounds', () => {
    expect(() => compareRun(rounds, DEFAULT_COMPARE_POLICY)).toCompleteWithin(200, { timeBudget: 3000 })
  })

  test('1,000 measurements x 100 samples, baseline in 10 rounds', () => {
    expect(() => compareRun(tenRounds, DEFAULT_COMPARE_POLICY)).toCompleteWithin(200, { timeBudget: 3000 })
  })

  test('comparing retains no memory', async () => {
    const small = single.slice(0, 100)
    await expect(() => compareRun(small, DEFAULT_COMPARE_POLICY)).toGrowMemoryLessThan(1, { calls: 50 })
  })
})
