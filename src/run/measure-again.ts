import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Measurement } from '../types.js'
import type { MeasureAgain } from './confirm-run.js'
import { readRoundFile } from './rounds.js'

/** A re-measurement is the measured files once more; far longer than that means it hangs. */
export const MEASURE_AGAIN_TIMEOUT_MS = 15 * 60_000

const STDERR_TAIL = 2_000

interface QuietRun {
  code: number
  /** The end of what the run wrote to stderr, for the message when it measured nothing. */
  stderr: string
}

// The re-run's own test output would repeat the run's; only its measurements are wanted.
function runQuiet(
  command: readonly string[],
  options: { cwd: string; env: Record<string, string | undefined>; timeoutMs: number },
): Promise<QuietRun> {
  const [file, ...args] = command as [string, ...string[]]
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL)
    })
    const stop = () => child.kill('SIGINT')
    process.once('SIGINT', stop)
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(`the re-run did not finish within ${options.timeoutMs / 60_000} minutes and was stopped`),
      )
    }, options.timeoutMs)
    timer.unref()
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      process.off('SIGINT', stop)
      resolve({ code: code ?? (signal ? 130 : 1), stderr })
    })
  })
}

/**
 * A {@link MeasureAgain} that runs `command(files)` from the project root, with the perfgate
 * reporter writing the run's measurements to a round file instead of judging them (as
 * `perfgate update --rounds` does), and reads them back.
 */
export function measureAgainWith(
  command: (files: readonly string[]) => string[],
  root: string,
  env: Record<string, string | undefined>,
  timeoutMs = MEASURE_AGAIN_TIMEOUT_MS,
): MeasureAgain {
  return async (files): Promise<Measurement[]> => {
    const dir = await mkdtemp(join(tmpdir(), 'perfgate-confirm-'))
    try {
      const roundFile = join(dir, 'round.json')
      const run = await runQuiet(command(files), {
        cwd: root,
        env: { ...env, PERFGATE_UPDATE: undefined, PERFGATE_ROUND_FILE: roundFile },
        timeoutMs,
      })
      if (run.code === 130) throw new Error('the re-run was interrupted')
      try {
        return (await readRoundFile(roundFile)).measurements
      } catch {
        const said = run.stderr.trim().split('\n').slice(-3).join(' / ')
        throw new Error(
          `the re-run exited with code ${run.code} without measurements${said ? `: ${said}` : ''}`,
        )
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
}
