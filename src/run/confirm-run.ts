import type { OutputStream } from '../cli/context.js'
import { awaitingConfirmation, confirmVerdicts, MAX_CONFIRMATIONS } from '../compare/confirm.js'
import type { Comparison, GatePolicy, Measurement, RunReport } from '../types.js'
import { gateFails } from './judge.js'

/**
 * Runs these test files again in a fresh process and returns the measurements they took; given
 * by the reporters that can repeat a run (Vitest, Jest). Throws when the run produced none.
 */
export type MeasureAgain = (files: readonly string[]) => Promise<Measurement[]>

export interface ConfirmInput {
  report: RunReport
  policy: GatePolicy
  /** Judges a re-measurement against the same baseline, with the same policy. */
  judge: (measurements: readonly Measurement[]) => Comparison[]
  measureAgain: MeasureAgain
  /** Where the progress lines go (the run's output). */
  stdout: OutputStream
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Measures a run's `slower` verdicts again before the gate believes them (docs/statistics.md,
 * "Confirmation in fresh processes"): every test file that took measurements runs once more in a
 * fresh process — the whole file, so the re-measurement has its own run shift — and a third time
 * only for verdicts the second run did not confirm. A re-measurement that cannot run leaves the
 * verdicts it was to check as they were, and says why.
 */
export async function confirmSlower(input: ConfirmInput): Promise<RunReport> {
  const { report, stdout } = input
  const files = [...new Set(report.measurements.map((m) => m.file))].sort()
  const judged: Comparison[][] = []
  const problems: string[] = []
  for (;;) {
    const open = awaitingConfirmation(report.comparisons, judged)
    if (open.length === 0) break
    stdout.write(
      `perfgate: ${plural(open.length, 'measurement')} slower than the baseline; measuring ` +
        `${plural(files.length, 'test file')} again in a fresh process to confirm ` +
        `(${judged.length + 1} of at most ${MAX_CONFIRMATIONS})…\n`,
    )
    try {
      judged.push(input.judge(await input.measureAgain(files)))
    } catch (error) {
      problems.push(
        `could not measure again to confirm ${plural(open.length, '`slower` verdict')} ` +
          `(${error instanceof Error ? error.message : String(error)}); ${open.length === 1 ? 'it stands' : 'they stand'} unconfirmed.`,
      )
      break
    }
  }
  const comparisons = confirmVerdicts(report.comparisons, judged)
  const allProblems = [...(report.problems ?? []), ...problems]
  return {
    ...report,
    comparisons,
    ...(allProblems.length > 0 ? { problems: allProblems } : {}),
    failed: gateFails(comparisons, report.advisory, input.policy),
  }
}
