/**
 * Fitting a comment into GitHub's size limit. Rows are kept or dropped whole, so truncation
 * can never cut inside a table row, a tag or a character reference.
 */

/** The pieces of a comment; rows are table rows, already rendered and escaped. */
export interface CommentParts {
  /** Marker, title, headline and alerts. */
  head: string
  /** Header and delimiter rows shared by both tables. */
  header: string
  /** Regressions and improvements, shown openly. */
  main: readonly string[]
  chart: string
  /** Everything else, folded in `<details>`. */
  folded: readonly string[]
  /** The `<summary>` of the folded part, describing all of it. */
  foldedSummary: string
  /** Environment and footnotes. */
  tail: string
  /** Where to find what was left out, e.g. "see the job summary / report artifact". */
  hint: string
}

// Room kept for the notes about left-out rows (their numbers are not known in advance).
const NOTE_ROOM = 400

function note(hidden: number, hint: string): string {
  return `_… ${hidden.toLocaleString('en-US')} more not shown (${hint})._`
}

function details(summary: string, body: readonly string[]): string {
  return [`<details><summary>${summary}</summary>`, ...body, '</details>'].join('\n\n')
}

/** The comment with the first `mainRows` and `foldedRows` rows of each table. */
export function compose(parts: CommentParts, mainRows: number, foldedRows: number): string {
  const hidden = parts.main.length - mainRows + parts.folded.length - foldedRows
  const hiddenNote = hidden > 0 ? note(hidden, parts.hint) : ''
  const blocks = [parts.head]
  if (mainRows > 0) blocks.push([parts.header, ...parts.main.slice(0, mainRows)].join('\n'))
  if (foldedRows === 0 && hiddenNote) blocks.push(hiddenNote)
  blocks.push(parts.chart)
  if (foldedRows > 0) {
    const table = [parts.header, ...parts.folded.slice(0, foldedRows)].join('\n')
    blocks.push(details(parts.foldedSummary, hiddenNote ? [table, hiddenNote] : [table]))
  }
  blocks.push(parts.tail)
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`
}

// How many of `rows` fit in `room` characters, each taking its length plus a newline.
function take(rows: readonly string[], room: number): { count: number; used: number } {
  let used = 0
  let count = 0
  for (const row of rows) {
    if (used + row.length + 1 > room) break
    used += row.length + 1
    count += 1
  }
  return { count, used }
}

// The comment with as many rows as fit besides the fixed parts: main rows first, then folded.
function withRows(parts: CommentParts, maxLength: number): string {
  const fixed = compose(parts, 0, 0).length + 2 * (parts.header.length + 2)
  const room = maxLength - fixed - NOTE_ROOM - (parts.foldedSummary.length + 64)
  const main = take(parts.main, room)
  const folded = take(parts.folded, room - main.used)
  return compose(parts, main.count, folded.count)
}

/**
 * The whole comment when it fits in `maxLength` characters; otherwise the folded rows go first,
 * then the rows of the main table, each replaced by a note saying how many are not shown. Under
 * very small limits the chart, the footer and the alerts go too, in that order.
 */
export function fitComment(parts: CommentParts, maxLength: number): string {
  const full = compose(parts, parts.main.length, parts.folded.length)
  if (full.length <= maxLength) return full
  const marker = parts.head.split('\n\n').slice(0, 3).join('\n\n')
  const smaller: CommentParts[] = [
    parts,
    { ...parts, chart: '' },
    { ...parts, chart: '', tail: '' },
    { ...parts, chart: '', tail: '', head: marker },
  ]
  for (const candidate of smaller) {
    const fitted = withRows(candidate, maxLength)
    if (fitted.length <= maxLength) return fitted
  }
  // Marker, title (120 characters at most), headline and note stay far below the smallest limit
  // renderMarkdown accepts, so this is only a safety net.
  return compose(smaller[smaller.length - 1]!, 0, 0)
}
