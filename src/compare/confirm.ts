import { significant } from '../format/units.js'
import type { Comparison, Lean, VerdictKind } from '../types.js'
import { measurementIdentity as identity } from './identity.js'

/**
 * Re-measurements a run may take before it believes a `slower` verdict: a second fresh process,
 * and a third only when the second disagrees — two of three decide (docs/statistics.md,
 * "Confirmation in fresh processes").
 */
export const MAX_CONFIRMATIONS = 2

/** One re-measurement's view of a measurement the first run found `slower`. */
export interface ConfirmationStep {
  verdict: VerdictKind
  /** Current / baseline in that process (absent when it did not measure the test). */
  ratio?: number
  /** An `inconclusive` that leaned one way in that process (see `Comparison.leans`). */
  leans?: Lean
}

const times = (ratio: number | undefined) =>
  ratio === undefined ? 'not measured' : `${ratio.toPrecision(3)}×`

function stepOf(comparison: Comparison | undefined): ConfirmationStep {
  if (!comparison) return { verdict: 'missing' }
  if (comparison.verdict === 'new' || comparison.verdict === 'missing') return { verdict: comparison.verdict }
  const { verdict, change, leans } = comparison
  return { verdict, ratio: change.ratio, ...(leans ? { leans } : {}) }
}

type ByIdentity = ReadonlyMap<string, Comparison>

// Each re-measurement's comparisons, by identity.
const indexed = (confirmations: readonly (readonly Comparison[])[]): ByIdentity[] =>
  confirmations.map((run) => new Map(run.map((c) => [identity(c), c])))

// Each re-measurement's view of a first-run comparison.
const stepsFor =
  (runs: readonly ByIdentity[]) =>
  (c: Comparison): ConfirmationStep[] =>
    runs.map((run) => stepOf(run.get(identity(c))))

type Inconclusive = Extract<Comparison, { change: unknown }> & { verdict: 'inconclusive' }

// A regression repeats when another process finds it `slower`, or leaning that way: beyond the
// threshold and significant on its own (the first process's `slower` is the run-wide evidence).
const repeated = (steps: readonly ConfirmationStep[]) =>
  steps.some((s) => s.verdict === 'slower' || s.leans === 'slower')

/**
 * A first-run comparison that points to a regression without showing it: `inconclusive`, its
 * change beyond the threshold and significant on its own but not after the run's correction
 * (`leans: 'slower'`), in a run whose speed stayed steady. One fresh process decides it
 * (docs/statistics.md, "Confirmation in fresh processes"): a real slowdown that one process
 * missed gets a second chance in a process whose noise is independent of the first one's.
 */
export function pointsSlower(c: Comparison): c is Inconclusive {
  return c.verdict === 'inconclusive' && c.leans === 'slower' && c.noise?.unsteady !== true
}

/**
 * The first run's verdicts that the re-measurements so far have not settled: `slower` verdicts
 * not yet repeated, and comparisons that point to a regression ({@link pointsSlower}) until one
 * fresh process has measured them.
 */
export function awaitingConfirmation(
  first: readonly Comparison[],
  confirmations: readonly (readonly Comparison[])[],
): Comparison[] {
  if (confirmations.length >= MAX_CONFIRMATIONS) return []
  const steps = stepsFor(indexed(confirmations))
  // Settled once one re-measurement agrees; a third process is only asked when the second
  // disagreed (two of three), so with one disagreement so far it is still open.
  return first.filter(
    (c) => (c.verdict === 'slower' && !repeated(steps(c))) || (confirmations.length === 0 && pointsSlower(c)),
  )
}

/**
 * The verdicts after confirmation. A `slower` verdict of the first run stands when one of the
 * re-measurements (each a whole run judged against the same baseline, in a fresh process) is
 * `slower` too, or leans that way (`Comparison.leans`); when the second process disagreed and
 * the third one was taken, that makes two of three. Otherwise it becomes `inconclusive` with the ratios each process saw: a regression
 * shows in every process, while the jumps of a single process (a slow start, a busy machine, a
 * one-off JIT decision) seldom repeat. A comparison that pointed to a regression
 * ({@link pointsSlower}) becomes the first re-measurement's `slower`, which then carries the first
 * run's ratio (`pointedBy`), or stays `inconclusive` with both ratios. Every other verdict is
 * the first run's. Pure.
 */
export function confirmVerdicts(
  first: readonly Comparison[],
  confirmations: readonly (readonly Comparison[])[],
): Comparison[] {
  if (confirmations.length === 0) return [...first]
  const runs = indexed(confirmations)
  const stepsOf = stepsFor(runs)
  return first.map((c) => {
    if (pointsSlower(c)) return decidePointer(c, runs[0]!.get(identity(c)))
    if (c.verdict !== 'slower') return c
    const steps = stepsOf(c)
    if (repeated(steps)) return { ...c, confirmation: steps }
    const seen = steps.map((s) => `${times(s.ratio)} (${s.verdict})`).join(', then ')
    return {
      ...c,
      verdict: 'inconclusive',
      confirmation: steps,
      reason:
        `${times(c.change.ratio)} slower in this process, but measured again in ` +
        `${steps.length === 1 ? 'a fresh process' : `${steps.length} fresh processes`}: ${seen}; ` +
        'a regression shows every time',
    }
  })
}

// A comparison that pointed to a regression, decided by the first fresh process: its `slower`
// (interval and test included, since they are that process's), or the first run's inconclusive.
function decidePointer(c: Inconclusive, fresh: Comparison | undefined): Comparison {
  if (fresh?.verdict === 'slower') return { ...fresh, pointedBy: { ratio: c.change.ratio } }
  const step = stepOf(fresh)
  return {
    ...c,
    confirmation: [step],
    reason:
      `${times(c.change.ratio)} in this process, not significantly; measured again in a fresh ` +
      `process: ${times(step.ratio)} (${step.verdict})`,
  }
}

/**
 * What the re-measurements of a confirmed `slower` saw, for the tables: "confirmed: 1.46×" (or
 * "confirmed: 1.02×, 1.44×", two of three); for a `slower` decided by a fresh process after the
 * first run pointed to it, "in a fresh process; first 1.15×"; undefined for a verdict that was
 * not re-measured.
 */
export function confirmationNote(comparison: Comparison): string | undefined {
  if (comparison.verdict !== 'slower') return undefined
  if (comparison.pointedBy) return `in a fresh process; first ${times(comparison.pointedBy.ratio)}`
  if (!comparison.confirmation?.length) return undefined
  return `confirmed: ${comparison.confirmation.map((step) => times(step.ratio)).join(', ')}`
}

/**
 * What an `inconclusive` without a reason adds in the tables: its lean and the change its data
 * could have detected ("leans slower, could detect ±20%"); undefined for other verdicts or
 * when there is neither.
 */
export function inconclusiveNote(comparison: Comparison): string | undefined {
  if (comparison.verdict !== 'inconclusive') return undefined
  const notes = [
    ...(comparison.leans ? [`leans ${comparison.leans}`] : []),
    ...(comparison.detectable === undefined
      ? []
      : [`could detect ±${significant(comparison.detectable * 100, 2)}%`]),
  ]
  return notes.length > 0 ? notes.join(', ') : undefined
}

/**
 * How many processes whose speed changed partway through a run may set aside: one, so a run
 * costs at most four processes (its own, one set aside, two confirmations).
 */
export const MAX_SET_ASIDE = 1

/** Whether a judged run's speed changed partway through (its time comparisons say `unsteady`). */
export function isUnsteady(comparisons: readonly Comparison[]): boolean {
  return comparisons.some((c) => c.verdict !== 'new' && c.verdict !== 'missing' && c.noise?.unsteady === true)
}

/** Which of a run's judged processes count, and what, if anything, to measure next. */
export interface FreshProcessPlan {
  /** Index of the process whose verdicts are the run's. */
  first: number
  /** Indices of the processes that count as confirmations of its `slower` verdicts. */
  confirmations: number[]
  /** Indices of the processes set aside because their speed changed partway through. */
  setAside: number[]
  /**
   * Why another fresh process is needed: `unsteady`, to replace the run's own process; `confirm`,
   * to confirm `slower` verdicts. Undefined when the run is settled.
   */
  next?: 'unsteady' | 'confirm'
}

/**
 * Which processes count (docs/statistics.md, "A run whose speed changed partway"). `processes`
 * are the comparisons of the run's own process and of each fresh process measured after it, in
 * order. A process whose speed changed partway through is read with intervals three or four
 * times the usual width and decides little either way, so the run's own process, if unsteady, is
 * set aside and a fresh one gives the verdicts instead; a confirming process that is unsteady and
 * does not confirm every open verdict is set aside likewise — once per run
 * ({@link MAX_SET_ASIDE}). Then confirmation goes on as {@link awaitingConfirmation} says. Pure.
 */
export function planFreshProcesses(processes: readonly (readonly Comparison[])[]): FreshProcessPlan {
  const setAside: number[] = []
  if (processes.length === 0) return { first: 0, confirmations: [], setAside }
  if (isUnsteady(processes[0]!)) {
    if (processes.length === 1) return { first: 0, confirmations: [], setAside, next: 'unsteady' }
    setAside.push(0)
  }
  const first = setAside.length
  const confirmations: number[] = []
  const open = () =>
    awaitingConfirmation(
      processes[first]!,
      confirmations.map((i) => processes[i]!),
    )
  // Processes beyond the point where the run settled are not asked for; none count.
  for (let k = first + 1; k < processes.length && open().length > 0; k++) {
    const candidate = processes[k]!
    if (setAside.length < MAX_SET_ASIDE && isUnsteady(candidate) && !confirmsAll(open(), candidate)) {
      setAside.push(k)
    } else {
      confirmations.push(k)
    }
  }
  return { first, confirmations, setAside, ...(open().length > 0 ? { next: 'confirm' as const } : {}) }
}

// Whether a process finds every open verdict `slower` too (then it counts, unsteady or not).
function confirmsAll(open: readonly Comparison[], candidate: readonly Comparison[]): boolean {
  const slower = new Set(candidate.filter((c) => c.verdict === 'slower').map(identity))
  return open.every((c) => slower.has(identity(c)))
}

/** The run's verdicts once its fresh processes are planned: the counted process, confirmed. */
export function plannedVerdicts(
  processes: readonly (readonly Comparison[])[],
  plan: FreshProcessPlan = planFreshProcesses(processes),
): Comparison[] {
  return confirmVerdicts(
    processes[plan.first]!,
    plan.confirmations.map((i) => processes[i]!),
  )
}
