/**
 * GitHub-flavoured markdown tables. Cells must already be escaped: a cell holding `|` or a line
 * break would shift or end the row.
 */

export type Alignment = 'left' | 'right'

/** `| a | b |`: one row. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

/** The header row and the delimiter row under it. */
export function tableHeader(columns: readonly string[], align: readonly Alignment[] = []): string {
  const rule = columns.map((_, i) => (align[i] === 'right' ? '--:' : ':--'))
  return `${tableRow(columns)}\n${tableRow(rule)}`
}

/** A whole table; `header` comes from {@link tableHeader}. */
export function table(header: string, rows: readonly string[]): string {
  return [header, ...rows].join('\n')
}
