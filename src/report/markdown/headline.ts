import { countVerdicts, geometricMeanRatio, runShiftNote } from '../../compare/summary-line.js'
import type { Comparison, RunReport, VerdictKind } from '../../types.js'
import { percent } from './cells.js'

// How each verdict is counted in the headline, in the order it is read.
const WORDS: ReadonlyArray<readonly [VerdictKind, string]> = [
  ['slower', 'slower'],
  ['faster', 'faster'],
  ['same', 'unchanged'],
  ['inconclusive', 'inconclusive'],
  ['new', 'new'],
  ['missing', 'missing'],
]

function status(report: RunReport, slower: number): string {
  if (report.failed) return '❌'
  return slower > 0 ? '⚠️' : '✅'
}

/** "2 slower, 1 faster, 37 unchanged — geometric mean −1.2%", regressions in bold. */
export function countsLine(comparisons: readonly Comparison[]): string {
  const counts = countVerdicts(comparisons)
  const parts = WORDS.filter(([kind]) => counts[kind] > 0).map(([kind, word]) =>
    kind === 'slower' ? `**${counts[kind]} ${word}**` : `${counts[kind]} ${word}`,
  )
  if (parts.length === 0) return 'No measurements to compare'
  const mean = geometricMeanRatio(comparisons)
  return `${parts.join(', ')}${mean === undefined ? '' : ` — geometric mean ${percent(mean)}`}${runShiftNote(comparisons)}`
}

/** The one line a reader needs: a status emoji, then the counts per verdict. */
export function headline(report: RunReport): string {
  const slower = report.comparisons.filter((c) => c.verdict === 'slower').length
  return `${status(report, slower)} ${countsLine(report.comparisons)}`
}
