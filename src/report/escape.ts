/**
 * Test names, file paths and CPU models are user input. In a pull-request comment they must
 * not break a table, close a `<details>`, inject HTML or markdown, or notify anyone.
 */

/** Longest user text put in a cell, in code points; longer text is cut with `…`. */
export const MAX_CELL_TEXT = 200

const ZWJ = '\u200d'

// Characters with a meaning in GitHub-flavoured markdown or HTML, written as numeric character
// references: they render as themselves but cannot open a tag, a code span, a link, emphasis,
// strikethrough, math, a backslash escape or a table cell. `&` first so we never re-escape.
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '\\': '&#92;',
  $: '&#36;',
  '"': '&quot;',
}

const SPECIAL = /[&<>|`[\]*_~\\$"]/g

// Line breaks would end a table row; other control characters and bidirectional overrides
// (which can make a name read as something else) have no business in a cell.
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\t\v\f]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g

/** Cuts `text` to `max` code points (never inside a surrogate pair), marking the cut with `…`. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text)
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`
}

/**
 * Makes user text safe as inline markdown in a table cell, a list item or a paragraph: it
 * renders as the literal text, on one line. Mentions (`@name`), issue references (`#123`, `GH-1`) and
 * bare URLs are broken with a zero-width joiner, because GitHub links them in the rendered text,
 * where character references have already become plain characters again.
 */
export function escapeMarkdown(text: string, max = MAX_CELL_TEXT): string {
  // Joiners go in before the character references, whose own `#` must stay intact.
  return truncate(text.replace(LINE_BREAKS, ' ').replace(INVISIBLE, ''), max)
    .replace(/@/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\bgh-(?=\d)/gi, (gh) => `${gh}${ZWJ}`)
    .replace(/:(?=\/\/)/g, `:${ZWJ}`)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${ZWJ}.`)
    .replace(SPECIAL, (c) => ENTITIES[c] ?? c)
}

/** Longest label on the chart's axis, in characters. */
export const MAX_CHART_LABEL = 28

/**
 * A label for a Mermaid chart, to be put between double quotes. Mermaid has no reliable escape
 * inside `xychart-beta` labels, so anything but plain ASCII words and separators is dropped.
 */
export function escapeMermaidLabel(text: string): string {
  const plain = text
    .replace(/[^A-Za-z0-9 .,:/+=-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return truncate(plain, MAX_CHART_LABEL)
}
