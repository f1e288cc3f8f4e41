import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { embed } from '../../../src/cli/commands/embed.js'

const SMALL = new URL('../../fixtures/reports/small.json', import.meta.url).pathname

let dir: string
let out: string[]
let err: string[]

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'perfgate-embed-'))
  out = []
  err = []
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const run = (...argv: string[]) =>
  embed({
    argv,
    cwd: dir,
    env: {},
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
  })

const DOC = '# Perf\r\n\r\n<!-- perfgate:start all -->\r\n<!-- perfgate:end all -->\r\n'

describe('perfgate embed', () => {
  test('updates the files in place, atomically, keeping their mode; a second run is a no-op', async () => {
    writeFileSync(join(dir, 'PERFORMANCE.md'), DOC)
    chmodSync(join(dir, 'PERFORMANCE.md'), 0o640)
    expect(await run('PERFORMANCE.md', '--report', SMALL)).toBe(0)
    const text = readFileSync(join(dir, 'PERFORMANCE.md'), 'utf8')
    expect(text).toContain('| parse &gt; large document<br><sub>src/parse.test.ts</sub> |')
    expect(statSync(join(dir, 'PERFORMANCE.md')).mode & 0o777).toBe(0o640)
    expect(readdirSync(dir)).toEqual(['PERFORMANCE.md'])
    expect(out.join('')).toBe('perfgate embed: updated PERFORMANCE.md\n')
    out.length = 0
    expect(await run('PERFORMANCE.md', '--report', SMALL)).toBe(0)
    expect(readFileSync(join(dir, 'PERFORMANCE.md'), 'utf8')).toBe(text)
    expect(out.join('')).toBe('perfgate embed: 1 file(s) already up to date\n')
  })

  test('--check exits 1 when a file is out of date and writes nothing', async () => {
    writeFileSync(join(dir, 'a.md'), DOC)
    expect(await run('a.md', '--check', '--report', SMALL)).toBe(1)
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(DOC)
    expect(err.join('')).toBe('perfgate embed: a.md is out of date; run `npx perfgate embed a.md`\n')
    await run('a.md', '--report', SMALL)
    expect(await run('a.md', '--check', '--report', SMALL)).toBe(0)
  })

  test('a marker problem in any file is exit 2 with file:line, and no file is written', async () => {
    writeFileSync(join(dir, 'good.md'), DOC)
    writeFileSync(join(dir, 'bad.md'), 'x\n\n<!-- perfgate:start all -->\n')
    expect(await run('good.md', 'bad.md', '--report', SMALL)).toBe(2)
    expect(err.join('')).toBe(
      'perfgate embed: bad.md:3: perfgate:start "all" has no <!-- perfgate:end all -->\n',
    )
    expect(readFileSync(join(dir, 'good.md'), 'utf8')).toBe(DOC)
  })

  test('the report defaults to $PERFGATE_REPORT, then .perfgate/report.json', async () => {
    writeFileSync(join(dir, 'a.md'), DOC)
    expect(await run('a.md')).toBe(2)
    expect(err.join('')).toContain('no run report at .perfgate/report.json')
  })

  test('usage errors are exit 2', async () => {
    expect(await run()).toBe(2)
    expect(await run('a.md', '--report')).toBe(2)
    expect(await run('missing.md', '--report', SMALL)).toBe(2)
    expect(err.join('')).toContain('cannot read missing.md (ENOENT)')
    expect(await run('--help')).toBe(0)
    expect(out.join('')).toContain('Usage: perfgate embed <file.md…>')
  })

  test('files without markers are reported and left alone', async () => {
    writeFileSync(join(dir, 'plain.md'), 'nothing here\n')
    expect(await run('plain.md', '--report', SMALL)).toBe(0)
    expect(err.join('')).toBe('perfgate embed: plain.md has no perfgate markers\n')
  })
})
