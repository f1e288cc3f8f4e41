import { describe, expect, test } from 'vitest'
import {
  awaitingConfirmation,
  confirmationNote,
  confirmVerdicts,
  isUnsteady,
  MAX_CONFIRMATIONS,
  planFreshProcesses,
  plannedVerdicts,
  pointsSlower,
} from '../../../src/compare/confirm.js'
import { compareRun } from '../../../src/compare/index.js'
import { createRng, summarize } from '../../../src/stats/index.js'
import type { Comparison } from '../../../src/types.js'
import { plannedOver, steadyProcesses } from './synthetic.js'

const summary = summarize([1, 2, 3])

// A compared measurement with just what confirmation reads: identity, verdict and ratio.
function compared(
  key: string,
  verdict: 'faster' | 'same' | 'slower' | 'inconclusive',
  ratio: number,
): Comparison {
  return {
    verdict,
    key,
    file: 'a.test.ts',
    name: key,
    metric: 'time',
    unit: 'ms',
    stat: 'median',
    base: summary,
    head: summary,
    change: { ratio, low: ratio * 0.9, high: ratio * 1.1, level: 0.99 },
    p: 0.001,
    pAdjusted: 0.002,
    threshold: 0.1,
  }
}

describe('awaitingConfirmation', () => {
  const first = [compared('a', 'slower', 1.5), compared('b', 'slower', 1.3), compared('c', 'same', 1)]

  test('every `slower` verdict awaits a first re-measurement; nothing else does', () => {
    expect(awaitingConfirmation(first, []).map((c) => c.key)).toEqual(['a', 'b'])
  })

  test('a verdict the second process agreed with is settled; one it did not is asked a third time', () => {
    const second = [compared('a', 'slower', 1.48), compared('b', 'same', 1.01), compared('c', 'same', 1)]
    expect(awaitingConfirmation(first, [second]).map((c) => c.key)).toEqual(['b'])
  })

  test(`never more than ${MAX_CONFIRMATIONS} re-measurements`, () => {
    const same = first.map((c) => compared(c.key, 'same', 1))
    expect(awaitingConfirmation(first, [same, same])).toEqual([])
  })
})

describe('confirmVerdicts', () => {
  test('without re-measurements the verdicts are the first run’s', () => {
    const first = [compared('a', 'slower', 1.5)]
    expect(confirmVerdicts(first, [])).toEqual(first)
  })

  test('a `slower` the second process agrees with stands, and carries what the second saw', () => {
    const [result] = confirmVerdicts([compared('a', 'slower', 1.5)], [[compared('a', 'slower', 1.46)]])
    expect(result).toMatchObject({ verdict: 'slower', confirmation: [{ verdict: 'slower', ratio: 1.46 }] })
    expect(result).not.toHaveProperty('reason')
  })

  test('two of three: the second disagrees, the third agrees', () => {
    const [result] = confirmVerdicts(
      [compared('a', 'slower', 1.5)],
      [[compared('a', 'same', 1.02)], [compared('a', 'slower', 1.44)]],
    )
    expect(result?.verdict).toBe('slower')
    expect(result).toMatchObject({ confirmation: [{ verdict: 'same' }, { verdict: 'slower' }] })
  })

  test('not repeated: `inconclusive`, with the ratio every process saw', () => {
    const [result] = confirmVerdicts(
      [compared('a', 'slower', 1.64)],
      [[compared('a', 'same', 1.02)], [compared('a', 'inconclusive', 1.08)]],
    )
    expect(result?.verdict).toBe('inconclusive')
    expect(result).toMatchObject({
      reason:
        '1.64× slower in this process, but measured again in 2 fresh processes: 1.02× (same), then 1.08× (inconclusive); a regression shows every time',
    })
  })

  test('a re-measurement that did not measure the test does not confirm it', () => {
    const [result] = confirmVerdicts([compared('a', 'slower', 1.5)], [[compared('other', 'slower', 2)]])
    expect(result).toMatchObject({
      verdict: 'inconclusive',
      confirmation: [{ verdict: 'missing' }],
      reason:
        '1.50× slower in this process, but measured again in a fresh process: not measured (missing); a regression shows every time',
    })
  })

  test('other verdicts are left alone, even when the re-measurement disagrees with them', () => {
    const first = [compared('a', 'faster', 0.5), compared('b', 'same', 1), compared('c', 'inconclusive', 1.2)]
    const again = [compared('a', 'same', 1), compared('b', 'slower', 1.5), compared('c', 'slower', 1.5)]
    expect(confirmVerdicts(first, [again])).toEqual(first)
  })

  test('measurements are matched by file and key, not by position', () => {
    const first = [compared('a', 'slower', 1.5), compared('b', 'slower', 1.5)]
    const again = [compared('b', 'slower', 1.5), compared('a', 'same', 1)]
    expect(confirmVerdicts(first, [again]).map((c) => c.verdict)).toEqual(['inconclusive', 'slower'])
  })
})

// An `inconclusive` that leans toward `slower` (or `faster`): beyond the threshold, significant
// before the run's correction only.
const leaning = (key: string, ratio: number, leans: 'slower' | 'faster' = 'slower'): Comparison =>
  Object.assign(compared(key, 'inconclusive', ratio), { p: 0.004, pAdjusted: 0.08, leans })

describe('an `inconclusive` that leans toward `slower`', () => {
  test('points to a regression; one leaning `faster`, or from an unsteady run, does not', () => {
    expect(pointsSlower(leaning('a', 1.18))).toBe(true)
    expect(pointsSlower(compared('a', 'inconclusive', 1.18))).toBe(false)
    expect(pointsSlower(leaning('a', 0.8, 'faster'))).toBe(false)
    expect(pointsSlower(unsteady([leaning('a', 1.18)])[0]!)).toBe(false)
  })

  test('awaits one fresh process, then is settled', () => {
    const first = [leaning('a', 1.18), compared('b', 'same', 1)]
    expect(awaitingConfirmation(first, []).map((c) => c.key)).toEqual(['a'])
    expect(awaitingConfirmation(first, [[compared('a', 'same', 1.02)]])).toEqual([])
    expect(planFreshProcesses([first]).next).toBe('confirm')
  })

  test("becomes the fresh process's `slower`, which carries the first run's ratio", () => {
    const fresh = { ...compared('a', 'slower', 1.21), p: 1e-6, pAdjusted: 2e-5 }
    const [result] = confirmVerdicts([leaning('a', 1.18)], [[fresh]])
    expect(result).toEqual({ ...fresh, pointedBy: { ratio: 1.18 } })
    expect(confirmationNote(result!)).toBe('in a fresh process; first 1.18×')
  })

  test('stays `inconclusive` when the fresh process does not find it `slower`, and says what both saw', () => {
    const [result] = confirmVerdicts([leaning('a', 1.18)], [[leaning('a', 1.16)]])
    expect(result).toMatchObject({
      verdict: 'inconclusive',
      leans: 'slower',
      confirmation: [{ verdict: 'inconclusive', ratio: 1.16, leans: 'slower' }],
      reason:
        '1.18× in this process, not significantly; measured again in a fresh process: 1.16× (inconclusive)',
    })
  })

  test('in a fresh process, confirms a first `slower` as a `slower` there does', () => {
    const [result] = confirmVerdicts([compared('a', 'slower', 1.25)], [[leaning('a', 1.17)]])
    expect(result).toMatchObject({
      verdict: 'slower',
      confirmation: [{ verdict: 'inconclusive', ratio: 1.17, leans: 'slower' }],
    })
    expect(awaitingConfirmation([compared('a', 'slower', 1.25)], [[leaning('a', 1.17)]])).toEqual([])
    // Leaning the other way confirms nothing.
    const [other] = confirmVerdicts([compared('a', 'slower', 1.25)], [[leaning('a', 0.8, 'faster')]])
    expect(other?.verdict).toBe('inconclusive')
  })
})

describe('confirmationNote', () => {
  test('says what the re-measurements of a confirmed `slower` saw; nothing for other verdicts', () => {
    const once = confirmVerdicts([compared('a', 'slower', 1.5)], [[compared('a', 'slower', 1.46)]])[0]!
    expect(confirmationNote(once)).toBe('confirmed: 1.46×')
    const twice = confirmVerdicts(
      [compared('a', 'slower', 1.5)],
      [[compared('a', 'same', 1.02)], [compared('a', 'slower', 1.44)]],
    )[0]!
    expect(confirmationNote(twice)).toBe('confirmed: 1.02×, 1.44×')
    expect(confirmationNote(compared('a', 'slower', 1.5))).toBeUndefined()
    expect(confirmationNote(compared('a', 'same', 1))).toBeUndefined()
  })
})

// A process whose comparisons carry the run-level flag of a speed change partway through.
const unsteady = (run: Comparison[]): Comparison[] =>
  run.map((c) =>
    c.verdict === 'new' || c.verdict === 'missing'
      ? c
      : { ...c, noise: { source: 'rounds', processSd: 0.02, df: 8, inflation: 3.5, unsteady: true } },
  )

describe('isUnsteady', () => {
  test('reads the flag of the time comparisons', () => {
    expect(isUnsteady([compared('a', 'same', 1)])).toBe(false)
    expect(isUnsteady(unsteady([compared('a', 'same', 1)]))).toBe(true)
    expect(isUnsteady([])).toBe(false)
  })
})

describe('planFreshProcesses', () => {
  const steadySame = [compared('a', 'same', 1), compared('b', 'same', 1)]
  const steadySlower = [compared('a', 'slower', 2), compared('b', 'same', 1)]

  test('a steady run without `slower` is settled as it is', () => {
    expect(planFreshProcesses([steadySame])).toEqual({ first: 0, confirmations: [], setAside: [] })
    expect(planFreshProcesses([[]])).toEqual({ first: 0, confirmations: [], setAside: [] })
    expect(planFreshProcesses([])).toEqual({ first: 0, confirmations: [], setAside: [] })
  })

  test('a steady `slower` asks for confirmation, as awaitingConfirmation says', () => {
    expect(planFreshProcesses([steadySlower]).next).toBe('confirm')
    const settled = planFreshProcesses([steadySlower, steadySlower])
    expect(settled).toEqual({ first: 0, confirmations: [1], setAside: [] })
    expect(plannedVerdicts([steadySlower, steadySlower])[0]?.verdict).toBe('slower')
  })

  test('an unsteady run is replaced by a fresh process, whose verdicts count', () => {
    const partway = unsteady([compared('a', 'inconclusive', 2.4), compared('b', 'same', 1)])
    expect(planFreshProcesses([partway]).next).toBe('unsteady')
    // The fresh process is steady and finds the 2× slowdown: it in turn awaits confirmation.
    expect(planFreshProcesses([partway, steadySlower])).toEqual({
      first: 1,
      confirmations: [],
      setAside: [0],
      next: 'confirm',
    })
    const processes = [partway, steadySlower, steadySlower]
    expect(planFreshProcesses(processes)).toEqual({ first: 1, confirmations: [2], setAside: [0] })
    expect(plannedVerdicts(processes).map((c) => c.verdict)).toEqual(['slower', 'same'])
  })

  test('an unsteady confirmation that does not confirm is set aside once per run', () => {
    const partwayInconclusive = unsteady([compared('a', 'inconclusive', 2.4), compared('b', 'same', 1)])
    const plan = planFreshProcesses([steadySlower, partwayInconclusive])
    expect(plan).toEqual({ first: 0, confirmations: [], setAside: [1], next: 'confirm' })
    expect(planFreshProcesses([steadySlower, partwayInconclusive, steadySlower])).toEqual({
      first: 0,
      confirmations: [2],
      setAside: [1],
    })
    // The allowance is spent: a second unsteady process counts (and disagrees).
    const spent = planFreshProcesses([steadySlower, partwayInconclusive, partwayInconclusive])
    expect(spent).toEqual({ first: 0, confirmations: [2], setAside: [1], next: 'confirm' })
  })

  test('an unsteady confirmation that confirms every open verdict counts', () => {
    expect(planFreshProcesses([steadySlower, unsteady(steadySlower)])).toEqual({
      first: 0,
      confirmations: [1],
      setAside: [],
    })
  })

  test('with the run itself set aside, an unsteady fresh process still gives the verdicts', () => {
    const partway = unsteady(steadySame)
    expect(planFreshProcesses([partway, partway])).toEqual({ first: 1, confirmations: [], setAside: [0] })
  })

  test('never asks for more than one set aside and two confirmations', () => {
    const partwayInconclusive = unsteady([compared('a', 'inconclusive', 2.4), compared('b', 'same', 1)])
    const processes = [partwayInconclusive, steadySlower, partwayInconclusive, steadySame, steadySame]
    const plan = planFreshProcesses(processes)
    expect(plan.setAside).toEqual([0])
    expect(plan.confirmations).toEqual([2, 3])
    expect(plan.next).toBeUndefined()
    expect(plan.confirmations.length).toBe(MAX_CONFIRMATIONS)
    expect(plannedVerdicts(processes)[0]?.verdict).toBe('inconclusive')
  })
})

describe('fresh processes where the model holds', () => {
  const judgedFamilies = (ratio: number) => {
    const rng = createRng(20261204)
    return steadyProcesses(60, { baseRounds: 10, ratio, processes: 3, rngOf: () => rng }).map((family) =>
      family.map((items) => compareRun(items)),
    )
  }

  test('a 1.2× slowdown a first process missed is found in a fresh one; nothing else turns `slower`', () => {
    const families = judgedFamilies(1.2)
    const changed = (run: Comparison[]) => run.slice(0, 2).filter((c) => c.verdict === 'slower').length
    const firstAlone = families.reduce((n, family) => n + changed(family[0]!), 0)
    const plans = families.map(plannedOver)
    const withFresh = plans.reduce((n, plan) => n + changed(plan.verdicts), 0)
    expect(withFresh).toBeGreaterThan(firstAlone)
    expect(withFresh).toBeGreaterThanOrEqual(0.9 * 2 * families.length)
    expect(plans.flatMap((plan) => plan.verdicts.slice(2)).filter((c) => c.verdict === 'slower')).toEqual([])
  })

  test('unchanged code: no `slower`, and most runs take no fresh process', () => {
    const plans = judgedFamilies(1).map(plannedOver)
    expect(plans.flatMap((plan) => plan.verdicts).filter((c) => c.verdict === 'slower')).toEqual([])
    expect(plans.filter((plan) => plan.taken > 1).length).toBeLessThanOrEqual(6)
  })
})
