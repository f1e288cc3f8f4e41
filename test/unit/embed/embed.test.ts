import { describe, expect, test } from 'vitest'
import { embed } from '../../../src/embed/embed.js'
import { findBlocks, splitLines } from '../../../src/embed/markers.js'
import { selector } from '../../../src/embed/select.js'
import { fixtureReport } from '../report/load.js'
import { measurementOf } from '../report/reports.js'

const report = fixtureReport('small')

const doc = (...lines: string[]) => lines.join('\n')

function ok(text: string) {
  const result = embed(text, report)
  if (!result.ok) throw new Error(`${result.line}: ${result.message}`)
  return result
}

describe('embed', () => {
  test('fills a block with the targets table of the selected measurements', () => {
    const text = doc(
      '# Performance',
      '',
      '<!-- perfgate:start src/cli.test.ts -->',
      'stale',
      '<!-- perfgate:end src/cli.test.ts -->',
      '',
      'After.',
      '',
    )
    expect(ok(text).text).toBe(
      doc(
        '# Performance',
        '',
        '<!-- perfgate:start src/cli.test.ts -->',
        '',
        '| Metric | Target | Current | Status |',
        '| :-- | --: | --: | :-- |',
        '| cli --help | ≤ 500 ms (median) | 248 ms | ⚠️ inconclusive |',
        '| cli start-up | ≤ 1.5 s (median) | 1.45 s | ⚠️ near target |',
        '',
        '<!-- perfgate:end src/cli.test.ts -->',
        '',
        'After.',
        '',
      ),
    )
  })

  test('is idempotent: the second run changes nothing', () => {
    const text = doc('<!-- perfgate:start all -->', '<!-- perfgate:end all -->', 'tail')
    const first = ok(text)
    expect(first.changed).toBe(true)
    const second = ok(first.text)
    expect(second.changed).toBe(false)
    expect(second.text).toBe(first.text)
  })

  test('keeps CRLF line endings and every byte outside the markers', () => {
    const before = 'Intro  \r\n\r\n\t<b>kept</b>\r\n'
    const after = '\r\n trailing text without newline'
    const text = `${before}<!-- perfgate:start render -->\r\nold\r\n<!-- perfgate:end render -->${after}`
    const result = ok(text)
    expect(result.text.startsWith(`${before}<!-- perfgate:start render -->\r\n\r\n| Metric`)).toBe(true)
    expect(result.text.endsWith(`|\r\n\r\n<!-- perfgate:end render -->${after}`)).toBe(true)
    expect(result.text.replace(/\r\n/g, '')).not.toMatch(/\n/)
    expect(ok(result.text).changed).toBe(false)
  })

  test('several blocks, each with its own selection', () => {
    const text = doc(
      '<!-- perfgate:start parse > -->',
      '<!-- perfgate:end parse > -->',
      'between',
      '<!-- perfgate:start *.bench.ts -->',
      '<!-- perfgate:end *.bench.ts -->',
    )
    const result = ok(text)
    expect(result.blocks).toBe(2)
    const [first, second] = result.text.split('between')
    expect(first).toContain('parse &gt; large document')
    expect(first).not.toContain('render')
    expect(second).toContain('render list')
    expect(second).not.toContain('parse')
  })

  test('markers in fenced code or indented as code are examples, not blocks', () => {
    const text = doc(
      '```md',
      '<!-- perfgate:start all -->',
      '<!-- perfgate:end all -->',
      '```',
      '~~~~',
      '<!-- perfgate:start x -->',
      '~~~~',
      '    <!-- perfgate:start y -->',
    )
    const result = ok(text)
    expect(result).toMatchObject({ changed: false, blocks: 0 })
  })

  test('a selection that matches nothing leaves a visible note and a warning', () => {
    const result = ok(
      doc('x', '<!-- perfgate:start nothing-like-this -->', '<!-- perfgate:end nothing-like-this -->'),
    )
    expect(result.text).toContain('_No measurement in the run report matches "nothing-like-this"._')
    expect(result.warnings).toEqual([{ line: 2, message: 'no measurement matches "nothing-like-this"' }])
  })

  test.each([
    [
      doc('a', '<!-- perfgate:start all -->', 'b'),
      2,
      'perfgate:start "all" has no <!-- perfgate:end all -->',
    ],
    [doc('<!-- perfgate:end all -->'), 1, 'perfgate:end "all" without a perfgate:start before it'],
    [
      doc(
        '<!-- perfgate:start a -->',
        '<!-- perfgate:start b -->',
        '<!-- perfgate:end b -->',
        '<!-- perfgate:end a -->',
      ),
      2,
      'perfgate:start "b" inside "a", opened on line 1 (blocks cannot nest)',
    ],
    [
      doc('<!-- perfgate:start a -->', '<!-- perfgate:end b -->'),
      2,
      'perfgate:end "b" does not match perfgate:start "a" on line 1',
    ],
    [
      doc(
        '<!-- perfgate:start a -->',
        '<!-- perfgate:end a -->',
        '',
        '<!-- perfgate:start a -->',
        '<!-- perfgate:end a -->',
      ),
      4,
      'a second perfgate:start "a" (the first is on line 1)',
    ],
    [doc('', '<!-- perfgate:start -->'), 2, 'perfgate:start needs a name, e.g. <!-- perfgate:start all -->'],
    [
      doc('text <!-- perfgate:start a --> more', '<!-- perfgate:start a --> trailing'),
      2,
      'a perfgate marker must be the whole line: <!-- perfgate:start NAME -->',
    ],
  ])('marker problems name their line: %j', (text, line, message) => {
    expect(embed(text, report)).toEqual({ ok: false, line, message })
  })
})

describe('splitLines and findBlocks', () => {
  test('lines keep their own endings', () => {
    expect(splitLines('a\r\nb\nc\rd').map((l) => [l.text, l.eol])).toEqual([
      ['a', '\r\n'],
      ['b', '\n'],
      ['c', '\r'],
      ['d', ''],
    ])
    expect(splitLines('')).toEqual([])
    expect(splitLines('x\n')).toHaveLength(1)
  })

  test('an empty block is found too', () => {
    const found = findBlocks('<!-- perfgate:start all -->\n<!-- perfgate:end all -->\n')
    expect(found).toEqual({
      ok: true,
      blocks: [{ name: 'all', line: 1, contentStart: 28, contentEnd: 28, eol: '\n' }],
    })
  })
})

describe('selector', () => {
  const m = measurementOf({
    file: 'src/parse.test.ts',
    key: 'parse > large document',
    verdict: 'same',
    base: 1,
  })
  test.each([
    ['all', true],
    ['src/parse.test.ts', true],
    ['src/parse', true],
    ['src/parse.test.ts > parse > large', true],
    ['parse > large', true],
    ['parse', true],
    ['*large*', true],
    ['*.test.ts', true],
    ['src/*.test.ts > parse', true],
    ['large', false],
    ['Parse', false],
    ['src/render', false],
    ['src/parse.test.ts > small', false],
  ])('%j selects parse > large document in src/parse.test.ts: %s', (name, selected) => {
    expect(selector(name)(m)).toBe(selected)
  })
})
