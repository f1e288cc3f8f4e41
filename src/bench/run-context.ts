import type { Rng } from '../stats/index.js'
import type { ExecContext, JobResult } from './execute.js'
import type { PlannedFile } from './plan.js'
import type { Progress } from './progress.js'
import type { RunRecords } from './records.js'

/** What the plain and A/B runners share. */
export interface RunContext {
  /** Project root of the current version: the workers' working directory. */
  cwd: string
  /**
   * A/B: project root of the base version. Processes that load only the base run there, so
   * tsx reads the base's tsconfig.json (it reads the one in the working directory).
   */
  baseRoot?: string
  env: Record<string, string | undefined>
  signal: AbortSignal
  progress: Progress
  rng: Rng
  records: RunRecords
  /** How long imports and `beforeAll` hooks may take in one process (ms). */
  loadTimeout: number
}

/** The execution context of a job on `file`: timeouts, progress and overhead accounting. */
export function execContext(ctx: RunContext, file: PlannedFile): ExecContext {
  const names = new Map(file.benches.map((b) => [b.key, b.name]))
  return {
    cwd: ctx.cwd,
    env: ctx.env,
    signal: ctx.signal,
    loadTimeout: ctx.loadTimeout,
    timeouts: new Map([...file.settings].map(([key, s]) => [key, s.timeout])),
    onMessage: (message) => {
      if (message.type === 'start') ctx.progress.benchStarted(names.get(message.key) ?? message.key)
      if (message.type === 'result' || message.type === 'bench-error') ctx.progress.benchDone()
    },
    onProcess: ({ startupMs, wallMs }) => {
      if (startupMs !== undefined) ctx.records.overhead.startupMs.push(startupMs)
      ctx.records.overhead.measureWallMs += wallMs
    },
  }
}

/** Benchmarks of `file` still worth running: declared, not yet failed. */
export function liveKeys(ctx: RunContext, file: PlannedFile): string[] {
  if (ctx.records.fileErrors.some((e) => e.file === file.file && e.side === 'head')) return []
  return file.benches.map((b) => b.key).filter((key) => !ctx.records.find(file.file, key)?.error)
}

/**
 * Records what every job has in common: failures (said once, on their own line, and skipped in
 * later rounds), file errors and warnings.
 */
export function recordProblems(ctx: RunContext, file: PlannedFile, result: JobResult): void {
  const { records, progress } = ctx
  for (const { side, message } of result.fileErrors) {
    if (records.fileErrors.some((e) => e.file === file.file && e.side === side)) continue
    records.fileError(file.file, side, message)
    const what = side === 'base' ? 'the base version of ' : ''
    progress.log(`perfgate bench: ${what}${file.file} failed to import:\n  ${indent(message)}`)
  }
  for (const [key, message] of result.errors) {
    const record = records.record(file.file, benchOf(file, key))
    if (record.error) continue
    record.error = message
    if (!result.fileErrors.some((e) => e.side === 'head'))
      progress.log(`perfgate bench: ${file.file} > ${record.name} failed:\n  ${indent(message)}`)
  }
  for (const [key, message] of result.baseErrors) {
    const record = records.record(file.file, benchOf(file, key))
    if (record.baseError) continue
    record.baseError = message
    progress.log(
      `perfgate bench: the base version of ${file.file} > ${record.name} failed (measured as new):\n  ${indent(message)}`,
    )
  }
  for (const warning of result.warnings) {
    const line = `${file.file}: ${warning}`
    if (records.warnings.includes(line)) continue
    records.warnings.push(line)
    progress.log(`perfgate bench: ${line}`)
  }
}

export function benchOf(file: PlannedFile, key: string) {
  return file.benches.find((b) => b.key === key) ?? { key, name: key }
}

const indent = (text: string) => text.split('\n').join('\n  ')
