import { readFile, writeFile } from 'node:fs/promises'
import { measurementIdentity as identity } from '../compare/identity.js'
import { roundFactors } from '../compare/run-shift.js'
import { PerfgateError } from '../errors.js'
import { sortAscending, summarize, thin } from '../stats/index.js'
import type { Measurement } from '../types.js'
import { MAX_STORED_SAMPLES } from '../types.js'

/**
 * One round of a multi-round baseline recording (`perfgate update --rounds N`): the whole suite
 * run once, in its own processes. Rounds are what let the comparator see how much a measurement
 * moves from one process to the next, which samples from a single process cannot show.
 */
export interface RoundFile {
  measurements: Measurement[]
  /** Per test file: [test name, whether it ran]. */
  tests?: [string, [string, boolean][]][]
}

/** Written by a run when `PERFGATE_ROUND_FILE` names a file, instead of judging the run. */
export async function writeRoundFile(
  path: string,
  measurements: readonly Measurement[],
  tests: Map<string, Map<string, boolean>> | undefined,
): Promise<void> {
  const round: RoundFile = {
    measurements: [...measurements],
    ...(tests ? { tests: [...tests].map(([file, names]) => [file, [...names]]) } : {}),
  }
  await writeFile(path, `${JSON.stringify(round)}\n`)
}

export async function readRoundFile(path: string): Promise<RoundFile> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as RoundFile
  } catch (error) {
    throw new PerfgateError(
      'NOT_FOUND',
      `a round of the suite wrote no measurements to ${path} (${(error as Error).message}); did the run ` +
        'use the perfgate reporter (--reporter perf or perfgate/jest-reporter)?',
    )
  }
}

function combine(rounds: readonly Measurement[]): Measurement {
  const last = rounds[rounds.length - 1] as Measurement
  if (rounds.length === 1) return last
  const pooled = sortAscending(rounds.flatMap((m) => m.samples))
  const summary = { ...summarize(pooled), n: rounds.reduce((sum, m) => sum + m.summary.n, 0) }
  return {
    ...last,
    summary,
    samples: thin(pooled, MAX_STORED_SAMPLES),
    rounds: rounds.map((m) => m.summary[m.stat]),
  }
}

/**
 * Combines the rounds of a recording into one measurement per test: the pooled samples and
 * summary, and `rounds` = the measurement's statistic in each round. A measurement that only
 * some rounds produced keeps the rounds it has.
 */
export function combineRounds(rounds: readonly (readonly Measurement[])[]): Measurement[] {
  const byIdentity = new Map<string, Measurement[]>()
  for (const round of rounds) {
    for (const m of round) byIdentity.set(identity(m), [...(byIdentity.get(identity(m)) ?? []), m])
  }
  return [...byIdentity.values()].map(combine)
}

/**
 * Rounds whose common factors span more than this (slowest over fastest) were recorded while the
 * machine changed speed. In the recorded sessions the other baselines' rounds ran within 1.11×
 * of each other; the nine that straddled a slow period spanned 1.42–1.59×, and seven of them cost
 * power later (docs/statistics.md, "What the real-process runs say").
 */
export const UNSTEADY_ROUNDS_SPREAD = 1.2

/**
 * How far apart the `roundCount` rounds of a recording ran: the slowest round's common factor
 * over the fastest's, from the time measurements every round produced (`combined` is what
 * {@link combineRounds} made of the rounds); undefined when fewer than three such measurements
 * line the rounds up.
 */
export function roundSpeedSpread(combined: readonly Measurement[], roundCount: number): number | undefined {
  const rows = combined
    .filter((m) => m.metric === 'time' && m.rounds?.length === roundCount && m.rounds.every((x) => x > 0))
    .map((m) => m.rounds!.map(Math.log))
  const factors = roundFactors(rows)
  if (!factors) return undefined
  return Math.exp(Math.max(...factors) - Math.min(...factors))
}
