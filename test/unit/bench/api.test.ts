import { afterEach, beforeEach, expect, describe as group, it } from 'vitest'
import { afterAll, beforeAll, bench, benchConfig, describe } from '../../../src/bench/api.js'
import type { Collection } from '../../../src/bench/registry.js'
import { endCollection, runnable, startCollection } from '../../../src/bench/registry.js'
import { collectedFile } from '../../../src/bench/worker/collected.js'

let collection: Collection
beforeEach(() => {
  collection = startCollection()
})
afterEach(() => endCollection())

const noop = () => undefined

group('bench and describe', () => {
  it('registers full names joined by " > " and keys repeated names #2, #3', () => {
    bench('top', noop)
    describe('json', () => {
      bench('parse', noop)
      describe('large', () => bench('parse', noop))
      bench('parse', noop)
    })
    expect(collection.benches.map((b) => [b.key, b.name])).toEqual([
      ['top', 'top'],
      ['json > parse', 'json > parse'],
      ['json > large > parse', 'json > large > parse'],
      ['json > parse#2', 'json > parse'],
    ])
  })

  it('runs only .only benchmarks when a file has any, and never skipped ones', () => {
    bench('a', noop)
    bench.skip('b', noop)
    describe.skip('group', () => bench('c', noop))
    expect(runnable(collection).map((b) => b.key)).toEqual(['a'])
    bench.only('d', noop)
    expect(runnable(collection).map((b) => b.key)).toEqual(['d'])
  })

  it('attaches hooks to the enclosing suite', () => {
    const setup = () => undefined
    beforeAll(setup)
    describe('g', () => {
      afterAll(setup)
      bench('x', noop)
    })
    expect(collection.root.beforeAll).toEqual([setup])
    expect(collection.benches[0]!.suite.afterAll).toEqual([setup])
  })

  it('reports what a file declares, without functions, for the runner', () => {
    benchConfig({ ab: 'separate', time: 300 })
    bench('x', noop, { timeout: 5000, threshold: 0.05 })
    expect(collectedFile(collection)).toEqual({
      benches: [
        {
          key: 'x',
          name: 'x',
          time: undefined,
          warmupTime: undefined,
          iterations: undefined,
          timeout: 5000,
          threshold: 0.05,
        },
      ],
      ab: 'separate',
      time: 300,
      warmupTime: undefined,
      timeout: undefined,
      threshold: undefined,
    })
  })
})

group('bad arguments fail the import with a message naming them', () => {
  it.each([
    [() => bench('', noop), /name must be a non-empty string/],
    [() => bench('x', 42 as never), /bench\("x", fn\): fn must be a function; got number/],
    [() => bench('x', noop, { time: -1 }), /option "time" must be a number ≥ 0/],
    [() => bench('x', noop, { tme: 5 } as never), /unknown option "tme"/],
    [() => bench('x', noop, { beforeEach: 1 as never }), /option "beforeEach" must be a function/],
    [() => describe('g', (async () => undefined) as never), /synchronously/],
    [() => beforeAll('x' as never), /beforeAll\(fn\): fn must be a function/],
    [() => benchConfig({ ab: 'twice' as never }), /"ab" must be 'same-process' or 'separate'/],
  ])('%#', (call, message) => {
    expect(call).toThrow(message)
  })
})

group('outside perfgate bench', () => {
  it('declarations go nowhere instead of failing', () => {
    endCollection()
    expect(() => bench('x', noop)).not.toThrow()
  })
})
