import { confirmationNote, inconclusiveNote } from '../../compare/confirm.js'
import { formatValue, significant } from '../../format/units.js'
import type { Comparison, StatName } from '../../types.js'
import { escapeMarkdown } from '../escape.js'

/** The columns of every comparison table, in order. */
export const COLUMNS = ['Name', 'Baseline', 'Current', 'Change', 'Verdict'] as const

// An absolute difference the comparator may add for memory, where a ratio says little.
interface Difference {
  difference: number
  low: number
  high: number
}

// The comparator's optional details, read defensively: a report may carry them or not.
type WithDetails = Comparison & { difference?: Difference; reason?: string }

/** `+23%`, `−1.2%`, `0%`: the relative change a ratio stands for, to 0.1% at best, with a true minus sign. */
export function percent(ratio: number): string {
  const change = (ratio - 1) * 100
  const abs = Math.abs(change)
  const text = abs < 10 ? String(Number(abs.toFixed(1))) : significant(abs, 2)
  if (text === '0') return '0%'
  return `${change > 0 ? '+' : '−'}${text}%`
}

/** `1.23`: two decimals where ratios usually fall, three significant digits elsewhere. */
export function ratioNumber(ratio: number): string {
  return ratio >= 0.1 && ratio < 100 ? ratio.toFixed(2) : significant(ratio)
}

/** The test (or bench) name on one line, its file and statistic underneath in small print. */
export function nameCell(c: Comparison): string {
  const what = c.metric === 'memory' ? `${c.stat} · memory` : c.stat
  return `${escapeMarkdown(c.key)}<br><sub>${escapeMarkdown(c.file)} · ${what}</sub>`
}

function value(summary: Record<StatName, number>, c: Comparison): string {
  return formatValue(summary[c.stat], c.unit)
}

export function baselineCell(c: Comparison): string {
  return c.verdict === 'new' ? '—' : value(c.base, c)
}

export function currentCell(c: Comparison): string {
  return c.verdict === 'missing' ? '—' : value(c.head, c)
}

/** `1.23× [1.10, 1.38] (+23%)`, or `+2.1 MB [1.5, 2.7]` when the comparator gave a memory difference. */
export function changeCell(c: Comparison): string {
  if (c.verdict === 'new' || c.verdict === 'missing') return '—'
  const { difference } = c as WithDetails
  if (c.metric === 'memory' && difference) {
    const sign = difference.difference > 0 ? '+' : ''
    const interval = `[${significant(difference.low)}, ${significant(difference.high)}]`
    return `${sign}${formatValue(difference.difference, 'MB')} ${interval}`
  }
  const { ratio, low, high } = c.change
  return `${ratioNumber(ratio)}× [${ratioNumber(low)}, ${ratioNumber(high)}] (${percent(ratio)})`
}

/** The verdict with an emoji, so the table reads at a glance. */
export function verdictCell(c: Comparison): string {
  switch (c.verdict) {
    case 'slower': {
      const note = confirmationNote(c)
      return `🔴 **slower**${note ? ` (${note})` : ''}`
    }
    case 'faster':
      return '🟢 faster'
    case 'same':
      return '⚪ unchanged'
    case 'new':
      return '✨ new'
    case 'missing':
      return '➖ missing'
    case 'inconclusive': {
      const { reason } = c as WithDetails
      if (reason) return `🟡 inconclusive: ${escapeMarkdown(reason)}`
      const note = inconclusiveNote(c)
      return `🟡 inconclusive${note ? ` (${note})` : ''}`
    }
  }
}

/** The cells of one comparison, in {@link COLUMNS} order. */
export function comparisonCells(c: Comparison): string[] {
  return [nameCell(c), baselineCell(c), currentCell(c), changeCell(c), verdictCell(c)]
}
