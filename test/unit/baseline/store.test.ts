import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { serializeBaselineFile } from '../../../src/baseline/serialize.js'
import {
  baselinePath,
  findDuplicateKeys,
  listBaselineFiles,
  readBaselines,
  writeFileAtomic,
} from '../../../src/baseline/store.js'
import { isPerfgateError } from '../../../src/errors.js'
import { baselineFile, entry, filesUnder, measurement, temporaryRoot } from './make.js'

async function put(root: string, relativePath: string, text: string) {
  await mkdir(join(root, relativePath, '..'), { recursive: true })
  await writeFile(join(root, relativePath), text)
}

describe('baselinePath', () => {
  test('mirrors the test file under the baseline directory', () => {
    expect(baselinePath('/p', 'baselines', 'src/parse.test.ts')).toBe(
      join('/p', 'baselines', 'src/parse.test.ts.json'),
    )
    expect(baselinePath('/p', 'perf/base', './a.test.ts')).toBe(join('/p', 'perf/base', 'a.test.ts.json'))
  })

  test.each(['../x.test.ts', 'src/../../x.test.ts', '..', '/etc/x.test.ts', '', '.'])(
    'refuses %j',
    (file) => {
      let thrown: unknown
      try {
        baselinePath('/p', 'baselines', file)
      } catch (error) {
        thrown = error
      }
      expect(isPerfgateError(thrown) && thrown.code).toBe('BAD_BASELINE')
      expect((thrown as Error).message).toContain(`"${file}"`)
    },
  )
})

describe('readBaselines', () => {
  test('reads the files of the given test files; absent files are no problem', async () => {
    const root = await temporaryRoot()
    const file = baselineFile({ parses: entry() })
    await put(root, 'baselines/src/a.test.ts.json', serializeBaselineFile(file))
    const result = await readBaselines(root, 'baselines', [
      'src/a.test.ts',
      'src/none.test.ts',
      'src/a.test.ts',
    ])
    expect(result.problems).toEqual([])
    expect([...result.files]).toEqual([['src/a.test.ts', file]])
  })

  test('no baseline directory at all', async () => {
    const root = await temporaryRoot()
    expect(await readBaselines(root, 'baselines', ['a.test.ts'])).toEqual({ files: new Map(), problems: [] })
  })

  test.each([
    ['empty', '', 'baselines/a.test.ts.json: invalid JSON: the file is empty'],
    [
      'truncated',
      serializeBaselineFile(baselineFile({ x: entry() }, 'a.test.ts')).slice(0, 120),
      'baselines/a.test.ts.json: invalid JSON: unexpected end of the text (truncated?) where a quoted property name was expected at line 8, column 6',
    ],
    [
      'merge-conflicted',
      '{\n<<<<<<< HEAD\n  "version": 1\n=======\n}',
      'baselines/a.test.ts.json: invalid JSON: unexpected "<" where a quoted property name was expected at line 2, column 1',
    ],
    [
      'garbage',
      '"hello"',
      'baselines/a.test.ts.json: not a perfgate baseline file (expected an object with "version", "file" and "entries", got "hello")',
    ],
    [
      'future version',
      '{"version": 3, "file": "a.test.ts", "entries": {}}',
      'baselines/a.test.ts.json: schema version 3 is newer than this perfgate understands (1); upgrade perfgate or re-record with "vitest run -u" (or PERFGATE_UPDATE=1)',
    ],
  ])('%s file: a problem naming the path, no baseline, no throw', async (_, text, problem) => {
    const root = await temporaryRoot()
    await put(root, 'baselines/a.test.ts.json', text)
    await put(
      root,
      'baselines/b.test.ts.json',
      serializeBaselineFile(baselineFile({ x: entry() }, 'b.test.ts')),
    )
    const result = await readBaselines(root, 'baselines', ['a.test.ts', 'b.test.ts'])
    expect(result.problems).toEqual([problem])
    expect([...result.files.keys()]).toEqual(['b.test.ts'])
  })

  test('a bad entry: the rest of the file is used', async () => {
    const root = await temporaryRoot()
    const json = JSON.parse(
      serializeBaselineFile(baselineFile({ good: entry({ name: 'good' }), bad: entry({ name: 'bad' }) })),
    )
    json.entries.bad.samples = []
    await put(root, 'baselines/src/a.test.ts.json', JSON.stringify(json))
    const result = await readBaselines(root, 'baselines', ['src/a.test.ts'])
    expect(result.problems).toEqual([
      'baselines/src/a.test.ts.json: entries["bad"].samples: expected at least 1 item, got 0 (entry ignored)',
    ])
    expect(Object.keys(result.files.get('src/a.test.ts')!.entries)).toEqual(['good'])
  })

  test('a copied baseline file: a problem naming both files', async () => {
    const root = await temporaryRoot()
    await put(
      root,
      'baselines/src/b.test.ts.json',
      serializeBaselineFile(baselineFile({ x: entry() }, 'src/a.test.ts')),
    )
    const result = await readBaselines(root, 'baselines', ['src/b.test.ts'])
    expect(result.problems).toEqual([
      'baselines/src/b.test.ts.json: recorded for "src/a.test.ts" but found where the baseline of "src/b.test.ts" belongs (copied or renamed?); its entries are used for "src/b.test.ts"',
    ])
    expect(result.files.get('src/b.test.ts')!.file).toBe('src/b.test.ts')
  })

  test('unreadable files and test files outside the root are problems too', async () => {
    const root = await temporaryRoot()
    await mkdir(join(root, 'baselines/dir.test.ts.json'), { recursive: true })
    const result = await readBaselines(root, 'baselines', ['dir.test.ts', '../out.test.ts'])
    expect(result.problems).toEqual([
      'baselines/dir.test.ts.json: cannot be read (EISDIR)',
      expect.stringContaining('"../out.test.ts" is not inside the project root'),
    ])
  })
})

describe('listBaselineFiles', () => {
  test('the test files with a baseline, relative and sorted; set-aside and temporary files do not count', async () => {
    const root = await temporaryRoot()
    for (const file of [
      'baselines/src/b.test.ts.json',
      'baselines/a.test.ts.json',
      'baselines/.storybook/x.test.ts.json',
      'baselines/src/c.test.ts.json.corrupt',
      'baselines/src/.c.test.ts.json.0a1b2c.tmp',
      'other/d.test.ts.json',
    ]) {
      await put(root, file, '{}')
    }
    expect(await listBaselineFiles(root, 'baselines')).toEqual([
      '.storybook/x.test.ts',
      'a.test.ts',
      'src/b.test.ts',
    ])
  })

  test('no baseline directory: none', async () => {
    expect(await listBaselineFiles(await temporaryRoot(), 'baselines')).toEqual([])
  })
})

describe('writeFileAtomic', () => {
  test('creates directories, replaces the file, leaves no temporary file', async () => {
    const root = await temporaryRoot()
    const path = join(root, 'deep/er/file.json')
    await writeFileAtomic(path, 'one\n')
    await writeFileAtomic(path, 'two\n')
    expect(await readFile(path, 'utf8')).toBe('two\n')
    expect(await filesUnder(root)).toEqual(['deep/er/file.json'])
  })

  test('a failed write leaves no temporary file behind', async () => {
    const root = await temporaryRoot()
    // A directory in the file's place makes the final rename fail, even for root.
    const path = join(root, 'dir/file.json')
    await put(root, 'dir/file.json/keep', 'x')
    await expect(writeFileAtomic(path, 'new\n')).rejects.toThrow()
    expect(await filesUnder(root)).toEqual(['dir/file.json/keep'])
  })
})

describe('findDuplicateKeys', () => {
  test('keeps the first of two tests with the same name, and says to rename one', () => {
    const first = measurement({ key: 'x', summary: { ...measurement({ key: 'x' }).summary, median: 1 } })
    const second = measurement({ key: 'x' })
    const other = measurement({ key: 'x', file: 'src/b.test.ts' })
    const result = findDuplicateKeys([
      first,
      second,
      other,
      measurement({ key: 'x#2' }),
      measurement({ key: 'x#2' }),
    ])
    expect(result.unique).toEqual([first, other, measurement({ key: 'x#2' })])
    expect(result.unique[0]).toBe(first)
    expect(result.problems).toEqual([
      'src/a.test.ts: two tests are named "x"; rename one so each keeps its own baseline',
    ])
  })

  test('no duplicates, no problems', () => {
    const ms = [measurement({ key: 'a' }), measurement({ key: 'b' })]
    expect(findDuplicateKeys(ms)).toEqual({ unique: ms, problems: [] })
  })
})
