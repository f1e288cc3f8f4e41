import type { OutputStream } from '../cli/context.js'
import type { FreshProcessPlan } from '../compare/confirm.js'
import {
  awaitingConfirmation,
  MAX_CONFIRMATIONS,
  planFreshProcesses,
  plannedVerdicts,
} from '../compare/confirm.js'
import type { Comparison, GatePolicy, Measurement, RunReport } from '../types.js'
import { gateFails } from './judge.js'

/**
 * Runs these test files again in a fresh process and returns the measurements they took; given
 * by the reporters that can repeat a run (Vitest, Jest). Throws when the run produced none.
 */
export type MeasureAgain = (files: readonly string[]) => Promise<Measurement[]>

/** A re-measurement judged against the same baseline: its measurements and their comparisons. */
export interface JudgedProcess {
  measurements: Measurement[]
  comparisons: Comparison[]
}

export interface ConfirmInput {
  report: RunReport
  policy: GatePolicy
  /** Judges a re-measurement against the same baseline, with the same policy. */
  judge: (measurements: readonly Measurement[]) => JudgedProcess
  measureAgain: MeasureAgain
  /** Where the progress lines go (the run's output). */
  stdout: OutputStream
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Measures a run again in fresh processes where one process cannot be believed
 * (docs/statistics.md, "Confirmation in fresh processes" and "A run whose speed changed
 * partway"): a run whose speed changed partway through is measured again and the fresh process
 * gives its verdicts; `slower` verdicts are confirmed by a second process, and a third only for
 * verdicts the second did not confirm; an `inconclusive` that leans toward `slower` is decided by
 * the second. Every test file that took measurements runs again — the whole file, so the
 * re-measurement has its own run shift. A re-measurement that cannot run leaves the verdicts as
 * they were, and says why.
 */
export async function confirmInFreshProcesses(input: ConfirmInput): Promise<RunReport> {
  const { report, stdout } = input
  const files = [...new Set(report.measurements.map((m) => m.file))].sort()
  const processes: JudgedProcess[] = [{ measurements: report.measurements, comparisons: report.comparisons }]
  const comparisonsOf = () => processes.map((p) => p.comparisons)
  const problems: string[] = []
  for (;;) {
    const plan = planFreshProcesses(comparisonsOf())
    if (!plan.next) break
    const why = progressLine(plan, processes, files.length)
    stdout.write(why.line)
    try {
      processes.push(input.judge(await input.measureAgain(files)))
    } catch (error) {
      problems.push(
        `could not measure again ${why.purpose} (${error instanceof Error ? error.message : String(error)}); ` +
          `${why.otherwise}.`,
      )
      break
    }
  }
  const plan = planFreshProcesses(comparisonsOf())
  // A run that could not be replaced keeps its own process (the plan still names it first).
  const counted = processes[plan.first]!
  const comparisons = plannedVerdicts(comparisonsOf(), plan)
  const allProblems = [...(report.problems ?? []), ...problems]
  return {
    ...report,
    measurements: counted.measurements,
    comparisons,
    ...(allProblems.length > 0 ? { problems: allProblems } : {}),
    ...(plan.first > 0 ? { replacedUnsteady: true as const } : {}),
    failed: gateFails(comparisons, report.advisory, input.policy),
  }
}

// What the next fresh process is for: the progress line, and the words for a failed re-run.
function progressLine(plan: FreshProcessPlan, processes: readonly JudgedProcess[], fileCount: number) {
  const again = `measuring ${plural(fileCount, 'test file')} again in a fresh process`
  if (plan.next === 'unsteady') {
    return {
      line:
        "perfgate: this run's speed changed partway through (a slow period of the machine covered " +
        `part of it), so its intervals are wide; ${again}…\n`,
      purpose: 'after a run whose speed changed partway',
      otherwise: "its verdicts stand, read with the run's wide intervals",
    }
  }
  // The verdicts the next process is asked about: those the counted confirmations left open.
  const open = awaitingConfirmation(
    processes[plan.first]!.comparisons,
    plan.confirmations.map((i) => processes[i]!.comparisons),
  )
  const slower = open.filter((c) => c.verdict === 'slower').length
  const leaning = open.length - slower
  const lastSetAside = plan.setAside.includes(processes.length - 1)
  const step = plan.confirmations.length + 1
  const asked = [
    ...(slower > 0 ? [`${plural(slower, 'measurement')} slower than the baseline`] : []),
    ...(leaning > 0
      ? [`${plural(leaning, 'measurement')} beyond the threshold but not yet significant`]
      : []),
  ].join(' and ')
  return {
    line:
      (lastSetAside ? "perfgate: that process's speed changed partway through; it does not count.\n" : '') +
      `perfgate: ${asked}; ${again} to ${slower > 0 ? 'confirm' : 'decide'} ` +
      `(${step} of at most ${MAX_CONFIRMATIONS})…\n`,
    purpose: [
      ...(slower > 0 ? [`to confirm ${plural(slower, '`slower` verdict')}`] : []),
      ...(leaning > 0 ? [`to decide ${plural(leaning, 'verdict')} leaning \`slower\``] : []),
    ].join(' and '),
    otherwise: unsettled(slower, leaning),
  }
}

// What stays when the fresh process cannot run: the first process's verdicts.
function unsettled(slower: number, leaning: number): string {
  const stands = slower === 1 ? 'it stands' : 'they stand'
  const stays = leaning === 1 ? 'it stays' : 'they stay'
  if (leaning === 0) return `${stands} unconfirmed`
  if (slower === 0) return `${stays} \`inconclusive\``
  return `the \`slower\` ${slower === 1 ? 'verdict stands' : 'verdicts stand'} unconfirmed and the rest stay \`inconclusive\``
}
