import { describe, expect, it } from 'vitest'
import { planFile } from '../../../src/bench/plan.js'
import type { CollectedFile } from '../../../src/bench/protocol.js'
import { AB_DEFAULTS, PLAIN_DEFAULTS, resolveSettings } from '../../../src/bench/settings.js'

const file = (benches: CollectedFile['benches'], extra: Partial<CollectedFile> = {}): CollectedFile => ({
  benches,
  ab: undefined,
  ...extra,
})

describe('resolveSettings', () => {
  it('takes the benchmark option, then the file, then the command line, then the default', () => {
    const collected = file([], { time: 300, timeout: 1000 })
    const s = resolveSettings(
      { key: 'x', name: 'x', time: 50 },
      collected,
      { time: 70, warmupTime: 5 },
      PLAIN_DEFAULTS,
    )
    expect(s).toEqual({ time: 50, warmupTime: 5, iterations: PLAIN_DEFAULTS.iterations, timeout: 1000 })
  })
})

describe('planFile', () => {
  const options = { filter: undefined, cli: {}, defaults: AB_DEFAULTS }

  it('unites both sides, remembers who declares what, and prefers the head options', () => {
    const plan = planFile(
      'a.perf.ts',
      {
        base: {
          path: '/base/a.perf.ts',
          collected: file([
            { key: 'old', name: 'old' },
            { key: 'both', name: 'both', time: 1 },
          ]),
        },
        head: {
          path: '/head/a.perf.ts',
          collected: file([
            { key: 'both', name: 'both', time: 2 },
            { key: 'new', name: 'new' },
          ]),
        },
      },
      options,
    )
    expect(plan.benches.map((b) => b.key).sort()).toEqual(['both', 'new', 'old'])
    expect(plan.settings.get('both')?.time).toBe(2)
    expect([...plan.sides.get('old')!]).toEqual(['base'])
    expect([...plan.sides.get('both')!]).toEqual(['base', 'head'])
    expect(plan.ab).toBe('same-process')
  })

  it('runs a file in separate processes when either side asks, and applies the filter to full names', () => {
    const plan = planFile(
      'a.perf.ts',
      {
        base: {
          path: '/b',
          collected: file([{ key: 'json > parse', name: 'json > parse' }], { ab: 'separate' }),
        },
        head: { path: '/h', collected: file([{ key: 'sort', name: 'sort' }]) },
      },
      { ...options, filter: /^json/ },
    )
    expect(plan.ab).toBe('separate')
    expect(plan.benches.map((b) => b.key)).toEqual(['json > parse'])
  })
})
