import { describe, expect, test } from 'vitest'
import { escapeMarkdown, escapeMermaidLabel, truncate } from '../../../src/report/escape.js'

const ZWJ = '\u200d'

describe('escapeMarkdown', () => {
  test.each([
    ['plain name', 'plain name'],
    ['a | b', 'a &#124; b'],
    ['`code`', '&#96;code&#96;'],
    ['<b>&</b>', '&lt;b&gt;&amp;&lt;/b&gt;'],
    ['</details>', '&lt;/details&gt;'],
    ['<!-- x', '&lt;!-- x'],
    ['[a](b)', '&#91;a&#93;(b)'],
    ['*a* _b_ ~c~ $d$', '&#42;a&#42; &#95;b&#95; &#126;c&#126; &#36;d&#36;'],
    ['\\|', '&#92;&#124;'],
    ['"q"', '&quot;q&quot;'],
    ['a\nb\r\nc\rd\u2028e', 'a b c d e'],
    ['tab\there', 'tab here'],
    ['bell\u0007 and \u202eoverride', 'bell and override'],
    ['@octocat', `@${ZWJ}octocat`],
    ['@org/team', `@${ZWJ}org/team`],
    ['#123 and a#1', `#${ZWJ}123 and a#${ZWJ}1`],
    ['GH-12 gh-3', `GH-${ZWJ}12 gh-${ZWJ}3`],
    ['https://x.example', `https:${ZWJ}//x.example`],
    ['www.x.example', `www${ZWJ}.x.example`],
    ['#anchor stays', '#anchor stays'],
    ['&#124; already', `&amp;#${ZWJ}124; already`],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output)
  })

  test('character references keep their # intact', () => {
    expect(escapeMarkdown('| #1')).toBe(`&#124; #${ZWJ}1`)
  })

  test('long text is cut, never inside a surrogate pair or a character reference', () => {
    expect(escapeMarkdown('😀'.repeat(10), 4)).toBe('😀😀😀…')
    expect(escapeMarkdown('||||||', 4)).toBe('&#124;&#124;&#124;…')
  })
})

describe('truncate', () => {
  test('leaves short text alone', () => {
    expect(truncate('abc', 3)).toBe('abc')
    expect(truncate('abcd', 3)).toBe('ab…')
  })
})

describe('escapeMermaidLabel', () => {
  test.each([
    ['parse > large doc', 'parse large doc'],
    ['"] bar [99', 'bar 99'],
    ['%%{init: {"theme": "dark"}}%%', 'init: theme : dark'],
    ['```', ''],
    ['a'.repeat(40), `${'a'.repeat(27)}…`],
  ])('%j → %j', (input, output) => {
    expect(escapeMermaidLabel(input)).toBe(output)
  })
})
