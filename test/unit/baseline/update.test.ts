import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { serializeBaselineFile } from '../../../src/baseline/serialize.js'
import type { UpdateInput } from '../../../src/baseline/store.js'
import { readBaselines, updateBaselines } from '../../../src/baseline/store.js'
import type { Measurement } from '../../../src/types.js'
import { baselineFile, ENV, entry, filesUnder, measurement, temporaryRoot } from './make.js'

const A = 'baselines/src/a.test.ts.json'

async function put(root: string, relativePath: string, text: string) {
  await mkdir(join(root, relativePath, '..'), { recursive: true })
  await writeFile(join(root, relativePath), text)
}

const read = (root: string, path = A) => readFile(join(root, path), 'utf8')

function tests(names: Record<string, string[]>): Map<string, Set<string>> {
  return new Map(Object.entries(names).map(([file, list]) => [file, new Set(list)]))
}

function update(root: string, measurements: Measurement[], extra: Partial<UpdateInput> = {}) {
  return updateBaselines({
    root,
    baselineDir: 'baselines',
    env: ENV,
    measurements,
    existingTests: tests({ 'src/a.test.ts': [...new Set(measurements.map((m) => m.name))] }),
    ...extra,
  })
}

const entryKeys = async (root: string, path = A) => Object.keys(JSON.parse(await read(root, path)).entries)

describe('updateBaselines', () => {
  test('writes new baselines; re-recording identical results changes nothing', async () => {
    const root = await temporaryRoot()
    const ms = [measurement({ key: 'parses' }), measurement({ key: 'parses#2' }), measurement({ key: 'a' })]
    expect(await update(root, ms)).toEqual({
      written: [A],
      unchanged: [],
      pruned: [],
      deleted: [],
      problems: [],
    })
    const first = await read(root)
    expect(await entryKeys(root)).toEqual(['a', 'parses', 'parses#2'])
    expect(await update(root, [...ms].reverse())).toEqual({
      written: [],
      unchanged: [A],
      pruned: [],
      deleted: [],
      problems: [],
    })
    expect(await read(root)).toBe(first)
    expect(await filesUnder(root)).toEqual([A])
  })

  test('new numbers change only number lines', async () => {
    const root = await temporaryRoot()
    const m = measurement({ key: 'parses' })
    await update(root, [m])
    const before = (await read(root)).split('\n')
    await update(root, [{ ...m, summary: { ...m.summary, median: 2.1, mean: 2.05 }, samples: [1.1, 2.1, 3] }])
    const after = (await read(root)).split('\n')
    expect(after).toHaveLength(before.length)
    const changed = after.filter((line, i) => line !== before[i])
    expect(changed).toEqual([
      '        "mean": 2.05,',
      '        "median": 2.1,',
      '        1.1,',
      '        2.1,',
    ])
  })

  test('keeps entries that were not measured again, overwrites those that were', async () => {
    const root = await temporaryRoot()
    await update(root, [measurement({ key: 'a' }), measurement({ key: 'b' })])
    const again = measurement({ key: 'b', budget: 99 })
    const result = await update(root, [again], { existingTests: tests({ 'src/a.test.ts': ['a', 'b'] }) })
    expect(result.written).toEqual([A])
    const { files } = await readBaselines(root, 'baselines', ['src/a.test.ts'])
    expect(files.get('src/a.test.ts')!.entries.a!.budget).toBe(10)
    expect(files.get('src/a.test.ts')!.entries.b!.budget).toBe(99)
  })

  test('a renamed test: its old entry survives until the next update, which prunes it', async () => {
    const root = await temporaryRoot()
    await update(root, [measurement({ key: 'old name' }), measurement({ key: 'kept' })])
    // Reading (a comparison run) never prunes.
    const { files } = await readBaselines(root, 'baselines', ['src/a.test.ts'])
    expect(Object.keys(files.get('src/a.test.ts')!.entries)).toEqual(['kept', 'old name'])
    const result = await update(root, [measurement({ key: 'new name' })], {
      existingTests: tests({ 'src/a.test.ts': ['new name', 'kept'] }),
    })
    expect(result.pruned).toEqual([{ file: 'src/a.test.ts', key: 'old name' }])
    expect(await entryKeys(root)).toEqual(['kept', 'new name'])
  })

  test('skipped and filtered tests still exist: their entries are kept', async () => {
    const root = await temporaryRoot()
    await update(root, [
      measurement({ key: 'x' }),
      measurement({ key: 'x#2' }),
      measurement({ key: 'skipped' }),
    ])
    const result = await update(root, [measurement({ key: 'x' })], {
      existingTests: tests({ 'src/a.test.ts': ['x', 'skipped'] }),
    })
    expect(result.pruned).toEqual([])
    expect(await entryKeys(root)).toEqual(['skipped', 'x', 'x#2'])
  })

  test('files measured without a test list are not pruned', async () => {
    const root = await temporaryRoot()
    await update(root, [measurement({ key: 'x' }), measurement({ key: 'y' })])
    const result = await update(root, [measurement({ key: 'y', budget: 5 })], { existingTests: new Map() })
    expect(result).toMatchObject({ written: [A], pruned: [] })
    expect(await entryKeys(root)).toEqual(['x', 'y'])
  })

  test('a file whose tests are all gone is deleted, not written empty', async () => {
    const root = await temporaryRoot()
    await update(root, [measurement({ key: 'x' })])
    const result = await update(root, [], { existingTests: tests({ 'src/a.test.ts': ['unmeasured'] }) })
    expect(result).toEqual({
      written: [],
      unchanged: [],
      pruned: [{ file: 'src/a.test.ts', key: 'x' }],
      deleted: [A],
      problems: [],
    })
    expect(await filesUnder(root)).toEqual([])
  })

  test('a test file that ran without measurements and has no baseline: nothing happens', async () => {
    const root = await temporaryRoot()
    expect(await update(root, [], { existingTests: tests({ 'src/a.test.ts': ['x'] }) })).toEqual({
      written: [],
      unchanged: [],
      pruned: [],
      deleted: [],
      problems: [],
    })
    expect(await filesUnder(root)).toEqual([])
  })

  test('a corrupt file is moved aside, never silently replaced', async () => {
    const root = await temporaryRoot()
    await put(root, A, '{"version": 1, "file": "src/a.test.ts", "entries": {')
    const result = await update(root, [measurement({ key: 'x' })])
    expect(result.written).toEqual([A])
    expect(result.problems).toEqual([
      `${A}: invalid JSON: unexpected end of the text (truncated?) where a quoted property name was expected at line 1, column 53`,
      `${A} could not be used as it was, so it was moved to ${A}.corrupt; compare the two, then delete ${A}.corrupt`,
    ])
    expect(await read(root, `${A}.corrupt`)).toBe('{"version": 1, "file": "src/a.test.ts", "entries": {')
    // A second corrupt file does not overwrite the first one set aside.
    await put(root, A, 'garbage')
    const again = await update(root, [measurement({ key: 'x' })])
    expect(again.problems.at(-1)).toBe(
      `${A} could not be used as it was, so it was moved to ${A}.corrupt.2; compare the two, then delete ${A}.corrupt.2`,
    )
    expect(await filesUnder(root)).toEqual([A, `${A}.corrupt`, `${A}.corrupt.2`])
    expect(await entryKeys(root)).toEqual(['x'])
  })

  test('a file with a hand-broken entry: set aside, its valid entries carried over', async () => {
    const root = await temporaryRoot()
    const json = JSON.parse(
      serializeBaselineFile(baselineFile({ good: entry({ name: 'good' }), bad: entry({ name: 'bad' }) })),
    )
    json.entries.bad.summary.median = 'NaN'
    await put(root, A, JSON.stringify(json))
    const result = await update(root, [measurement({ key: 'new' })], {
      existingTests: tests({ 'src/a.test.ts': ['good', 'bad', 'new'] }),
    })
    expect(result.problems).toEqual([
      `${A}: entries["bad"].summary.median: expected a finite number, got "NaN" (entry ignored)`,
      `${A} could not be used as it was, so it was moved to ${A}.corrupt; compare the two, then delete ${A}.corrupt`,
    ])
    expect(await entryKeys(root)).toEqual(['good', 'new'])
    expect(JSON.parse(await read(root, `${A}.corrupt`))).toEqual(json)
  })

  test('a corrupt file with nothing left to write is only set aside', async () => {
    const root = await temporaryRoot()
    await put(root, A, '{"version": 9}')
    const result = await update(root, [], { existingTests: tests({ 'src/a.test.ts': ['x'] }) })
    expect(result.written).toEqual([])
    expect(result.problems).toHaveLength(2)
    expect(await filesUnder(root)).toEqual([`${A}.corrupt`])
  })

  test('a copied or renamed baseline file is rewritten for its test file, not set aside', async () => {
    const root = await temporaryRoot()
    await put(root, A, serializeBaselineFile(baselineFile({ x: entry({ name: 'x' }) }, 'src/old.test.ts')))
    const result = await update(root, [], { existingTests: tests({ 'src/a.test.ts': ['x'] }) })
    expect(result.written).toEqual([A])
    expect(result.problems).toEqual([expect.stringContaining('recorded for "src/old.test.ts"')])
    expect(JSON.parse(await read(root)).file).toBe('src/a.test.ts')
    expect(await filesUnder(root)).toEqual([A])
  })

  test('baselines of deleted test files are deleted with pruneDeletedFiles only', async () => {
    const root = await temporaryRoot()
    await put(root, 'src/a.test.ts', '')
    await put(root, 'src/kept.test.ts', '')
    for (const file of ['src/a.test.ts', 'src/kept.test.ts', 'src/gone.test.ts']) {
      await put(
        root,
        `baselines/${file}.json`,
        serializeBaselineFile(baselineFile({ x: entry({ name: 'x' }) }, file)),
      )
    }
    const without = await update(root, [measurement({ key: 'x' })])
    expect(without.deleted).toEqual([])
    const result = await update(root, [measurement({ key: 'x' })], { pruneDeletedFiles: true })
    expect(result.deleted).toEqual(['baselines/src/gone.test.ts.json'])
    expect(await filesUnder(join(root, 'baselines'))).toEqual(['src/a.test.ts.json', 'src/kept.test.ts.json'])
  })

  test('two tests with the same name: the first is recorded, and a problem says to rename', async () => {
    const root = await temporaryRoot()
    const first = measurement({ key: 'x', budget: 1 })
    const result = await update(root, [first, measurement({ key: 'x', budget: 2 })])
    expect(result.problems).toEqual([
      'src/a.test.ts: two tests are named "x"; rename one so each keeps its own baseline',
    ])
    expect(JSON.parse(await read(root)).entries.x.budget).toBe(1)
  })

  test('an invalid measurement is not recorded; the old entry stays', async () => {
    const root = await temporaryRoot()
    await update(root, [measurement({ key: 'x' })])
    const before = await read(root)
    const broken = measurement({ key: 'x', samples: [] })
    const result = await update(root, [broken])
    expect(result.problems).toEqual([
      'src/a.test.ts: "x" was not recorded (samples: expected at least 1 item, got 0); its old baseline, if any, is kept',
    ])
    expect(result.unchanged).toEqual([A])
    expect(await read(root)).toBe(before)
  })

  test('more samples than a file keeps are thinned', async () => {
    const root = await temporaryRoot()
    const samples = Array.from({ length: 1000 }, (_, i) => 1000 - i)
    await update(root, [measurement({ key: 'x', samples })])
    const stored = JSON.parse(await read(root)).entries.x.samples as number[]
    expect(stored).toHaveLength(200)
    expect([stored[0], stored.at(-1)]).toEqual([1, 1000])
  })

  test('a baseline that cannot be read is left alone and reported; other files go on', async () => {
    const root = await temporaryRoot()
    await mkdir(join(root, A), { recursive: true })
    const other = measurement({ key: 'y', file: 'src/b.test.ts' })
    const result = await update(root, [measurement({ key: 'x' }), other])
    expect(result.problems).toEqual([`${A}: cannot be read (EISDIR); left as it is`])
    expect(result.written).toEqual(['baselines/src/b.test.ts.json'])
  })

  test('a test file outside the root is a problem, not a crash', async () => {
    const root = await temporaryRoot()
    const result = await update(root, [measurement({ key: 'x', file: '../x.test.ts' })], {
      existingTests: new Map(),
    })
    expect(result.problems).toEqual([
      expect.stringMatching(/^\.\.\/x\.test\.ts: the baseline could not be updated/),
    ])
  })
})
