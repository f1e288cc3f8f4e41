import type { Comparison, RunReport } from '../types.js'
import { renderBudgetTable } from './budgets.js'
import type { Colors } from './colors.js'
import { renderComparisonTable } from './comparisons.js'

/** What an update wrote, for the line that says so. */
export interface UpdateOutcome {
  baselineDir: string
  written: readonly string[]
  pruned: readonly { file: string; key: string }[]
  deleted: readonly string[]
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`

/**
 * A test renamed since the baseline shows up as one `missing` and one `new` in the same file; say
 * what that probably is, since neither verdict alone explains it.
 */
export function renameHints(comparisons: readonly Comparison[], rerecord: string): string[] {
  const byFile = new Map<string, { missing: string[]; added: string[] }>()
  for (const c of comparisons) {
    if (c.verdict !== 'missing' && c.verdict !== 'new') continue
    const entry = byFile.get(c.file) ?? { missing: [], added: [] }
    ;(c.verdict === 'missing' ? entry.missing : entry.added).push(c.key)
    byFile.set(c.file, entry)
  }
  const hints: string[] = []
  for (const [file, { missing, added }] of byFile) {
    if (missing.length === 0 || added.length === 0) continue
    hints.push(
      `${file}: ${missing.map((k) => `"${k}"`).join(', ')} has a baseline but was not measured, and ` +
        `${added.map((k) => `"${k}"`).join(', ')} is new; if a test was renamed, re-record its ` +
        `baseline (${rerecord}).`,
    )
  }
  return hints
}

function environmentWarning(report: RunReport, colors: Colors): string[] {
  const differences = report.environmentDifferences ?? []
  if (differences.length === 0) return []
  const consequence =
    report.policy?.environmentMismatch === 'fail'
      ? 'the gate still applies (environmentMismatch: "fail")'
      : 'verdicts are advisory; re-record the baselines on this kind of machine, or compare two ' +
        'runs of the same machine with `perfgate compare`'
  return [colors.yellow(`⚠ baseline measured elsewhere: ${differences.join('; ')}. ${consequence}.`)]
}

// How to re-record, in the words of the tool that produced the run.
function rerecordHint(report: RunReport): string {
  const bench = report.measurements.length > 0 && report.measurements.every((m) => m.source === 'bench')
  return bench ? 'perfgate bench --update' : 'vitest run -u, jest -u or PERFGATE_UPDATE=1'
}

function gateLine(report: RunReport, colors: Colors): string[] {
  const slower = report.comparisons.filter((c) => c.verdict === 'slower').length
  const inconclusive = report.comparisons.filter((c) => c.verdict === 'inconclusive').length
  const lines: string[] = []
  if (report.failed) {
    lines.push(
      colors.red(
        colors.bold(
          `perfgate: ${plural(slower, 'measurement')} slower than baseline — the performance gate failed ` +
            `(failOnRegression: false turns the gate off; if the change is intended, re-record: ${rerecordHint(report)}).`,
        ),
      ),
    )
  } else if (slower > 0) {
    lines.push(colors.yellow(`perfgate: ${slower} slower, advisory only: the gate did not fail the run.`))
  }
  if (inconclusive > 0) {
    lines.push(
      colors.dim(
        `perfgate: ${inconclusive} inconclusive — the noise allowed neither "same" nor "slower". More ` +
          'baseline rounds (perfgate update --rounds 20) or a same-machine A/B run (perfgate bench ' +
          '--against <ref>, perfgate compare) resolve smaller changes.',
      ),
    )
  }
  return lines
}

/** "perfgate: baselines updated in baselines/ (3 files written, 1 entry pruned)" */
export function updateLine(update: UpdateOutcome): string {
  const parts = [`${plural(update.written.length, 'file')} written`]
  if (update.pruned.length > 0) parts.push(`${plural(update.pruned.length, 'entry', 'entries')} pruned`)
  if (update.deleted.length > 0) parts.push(`${plural(update.deleted.length, 'file')} deleted`)
  return `perfgate: baselines updated in ${update.baselineDir}/ (${parts.join(', ')})`
}

const REPLACED_NOTE =
  "perfgate: this run's speed changed partway through (a slow period of the machine), so a fresh " +
  'process measured it again: the measurements and verdicts above are that process’s.'

/**
 * Everything a run prints after the test runner's own output: budgets, the comparison with the
 * baselines, warnings, and the gate's decision. Pure: the caller writes the text.
 */
export function renderRunOutput(report: RunReport, colors: Colors, update?: UpdateOutcome): string {
  const blocks: string[] = []
  const budgets = renderBudgetTable(report.measurements, colors)
  if (budgets) blocks.push(budgets)
  if (update) blocks.push(updateLine(update))
  else if (report.comparisons.length > 0) blocks.push(renderComparisonTable(report.comparisons, colors))
  const notes = [
    ...environmentWarning(report, colors),
    ...(report.problems ?? []).map((p) => colors.yellow(`perfgate: ${p}`)),
    ...(report.replacedUnsteady ? [colors.dim(REPLACED_NOTE)] : []),
    ...(update ? [] : renameHints(report.comparisons, rerecordHint(report)).map((h) => `perfgate: ${h}`)),
    ...(update ? [] : gateLine(report, colors)),
  ]
  if (notes.length > 0) blocks.push(notes.join('\n'))
  return blocks.length === 0 ? '' : `\n${blocks.join('\n\n')}\n`
}
