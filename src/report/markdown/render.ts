import type { Comparison, RunReport, VerdictKind } from '../../types.js'
import { escapeMarkdown } from '../escape.js'
import { COLUMNS, comparisonCells } from './cells.js'
import { renderChart } from './chart.js'
import { describeEnvironment, environmentAlerts, replacedRunNote } from './environment.js'
import { headline } from './headline.js'
import type { CommentParts } from './layout.js'
import { fitComment } from './layout.js'
import { tableHeader, tableRow } from './table.js'

/** The hidden marker that finds perfgate's comment again on the next run. */
export const COMMENT_MARKER = '<!-- perfgate -->'

/**
 * Default length limit of a pull-request comment. GitHub refuses bodies over 65,536 characters;
 * the margin covers any counting difference (GitHub counts characters, we count UTF-16 units,
 * which is never fewer).
 */
export const COMMENT_MAX_LENGTH = 65_000

/** Step summaries are limited to 1 MiB of UTF-8, at most 3 bytes per UTF-16 unit. */
export const SUMMARY_MAX_LENGTH = 340_000

/** The smallest limit that always leaves room for the headline and a note. */
export const MIN_MAX_LENGTH = 2_000

export interface MarkdownOptions {
  /** Upper bound on the result's length (default {@link COMMENT_MAX_LENGTH}). */
  maxLength?: number
  /** Heading of the comment (default `perfgate`). */
  title?: string
  /** Where a reader finds the rows left out (default: the job summary or the report artifact). */
  hint?: string
}

// Folded verdicts, in the order they are listed.
const FOLDED: readonly VerdictKind[] = ['inconclusive', 'new', 'missing', 'same']

const byName = (a: Comparison, b: Comparison) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0

// Worst regression first, best improvement first; the rest by file and name, so re-runs
// produce the same order and the comment diff shows only what changed.
function partition(comparisons: readonly Comparison[]): { main: Comparison[]; folded: Comparison[] } {
  const ratio = (c: Comparison) => ('change' in c ? c.change.ratio : 1)
  const slower = comparisons.filter((c) => c.verdict === 'slower').sort((a, b) => ratio(b) - ratio(a))
  const faster = comparisons.filter((c) => c.verdict === 'faster').sort((a, b) => ratio(a) - ratio(b))
  const folded = FOLDED.flatMap((kind) => comparisons.filter((c) => c.verdict === kind).sort(byName))
  return { main: [...slower, ...faster], folded }
}

function foldedSummary(folded: readonly Comparison[], afterTable: boolean): string {
  const counts = FOLDED.map((kind) => [kind, folded.filter((c) => c.verdict === kind).length] as const)
  const parts = counts
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind === 'same' ? 'unchanged' : kind}`)
  return `${afterTable ? `${folded.length} more` : 'Details'}: ${parts.join(', ')}`
}

function header(comparisons: readonly Comparison[]): string {
  const levels = new Set(comparisons.flatMap((c) => ('change' in c ? [c.change.level] : [])))
  const [level] = levels
  const change =
    levels.size === 1 && level !== undefined ? `Change [${Math.round(level * 100)}% CI]` : 'Change [CI]'
  const columns = COLUMNS.map((column) => (column === 'Change' ? change : column))
  return tableHeader(columns, ['left', 'right', 'right', 'left', 'left'])
}

function tail(report: RunReport): string {
  return [
    '<sub>Change is current ÷ baseline of the statistic named under each test, with its confidence interval.',
    `Measured on ${describeEnvironment(report.env)}. Posted by perfgate.</sub>`,
  ].join(' ')
}

function parts(report: RunReport, options: MarkdownOptions): CommentParts {
  const { main, folded } = partition(report.comparisons)
  const title = `### ${escapeMarkdown(options.title ?? 'perfgate', 120)}`
  return {
    head: [
      COMMENT_MARKER,
      title,
      headline(report),
      ...environmentAlerts(report),
      ...replacedRunNote(report),
    ].join('\n\n'),
    header: header(report.comparisons),
    main: main.map((c) => tableRow(comparisonCells(c))),
    chart: renderChart(report.comparisons),
    folded: folded.map((c) => tableRow(comparisonCells(c))),
    foldedSummary: foldedSummary(folded, main.length > 0),
    tail: tail(report),
    hint: options.hint ?? 'see the job summary / report artifact',
  }
}

/**
 * The pull-request comment for a run (SPEC §7): the hidden marker, a headline with the counts
 * per verdict and the geometric mean, environment warnings, regressions then improvements, a
 * chart of the largest changes, the rest folded. Never longer than `maxLength`: rows that do
 * not fit are left out whole, folded ones first, and a note says how many.
 */
export function renderMarkdown(report: RunReport, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? COMMENT_MAX_LENGTH
  if (!(maxLength >= MIN_MAX_LENGTH)) {
    throw new RangeError(`renderMarkdown: maxLength must be at least ${MIN_MAX_LENGTH}; got ${maxLength}`)
  }
  return fitComment(parts(report, options), maxLength)
}

/** The same markdown for `GITHUB_STEP_SUMMARY`, which allows about five times more. */
export function renderStepSummary(
  report: RunReport,
  options: Omit<MarkdownOptions, 'maxLength'> = {},
): string {
  return renderMarkdown(report, {
    hint: 'see the report artifact',
    ...options,
    maxLength: SUMMARY_MAX_LENGTH,
  })
}
