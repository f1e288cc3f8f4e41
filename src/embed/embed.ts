import { escapeMarkdown } from '../report/escape.js'
import { renderTargetsTable } from '../report/markdown/targets.js'
import type { RunReport } from '../types.js'
import { findBlocks } from './markers.js'
import { selector } from './select.js'

export interface EmbedWarning {
  line: number
  message: string
}

export type EmbedResult =
  | { ok: true; text: string; changed: boolean; blocks: number; warnings: EmbedWarning[] }
  | { ok: false; line: number; message: string }

function blockBody(table: string, eol: string): string {
  // A blank line on each side keeps the table a table whatever surrounds the markers.
  return `${eol}${table.split('\n').join(eol)}${eol}${eol}`
}

/**
 * Replaces the content of every `<!-- perfgate:start NAME -->` … `<!-- perfgate:end NAME -->`
 * block with the targets table of the measurements NAME selects (see `selector`). Pure, and
 * idempotent: bytes outside the blocks are kept as they are, line endings included, and a
 * second run changes nothing. Marker problems come back with the line they are on.
 */
export function embed(text: string, report: RunReport): EmbedResult {
  const found = findBlocks(text)
  if (!found.ok) return found
  const warnings: EmbedWarning[] = []
  let result = text
  // From the last block to the first, so earlier offsets stay valid.
  for (const block of [...found.blocks].reverse()) {
    const select = selector(block.name)
    const matches = report.measurements.some(select)
    // An empty selection is kept visible rather than failing: a renamed or skipped test should
    // not break the docs build, but it should not go unnoticed either.
    if (!matches) warnings.unshift({ line: block.line, message: `no measurement matches "${block.name}"` })
    const table = matches
      ? renderTargetsTable(report, select)
      : `_No measurement in the run report matches "${escapeMarkdown(block.name)}"._`
    result =
      result.slice(0, block.contentStart) + blockBody(table, block.eol) + result.slice(block.contentEnd)
  }
  return { ok: true, text: result, changed: result !== text, blocks: found.blocks.length, warnings }
}
