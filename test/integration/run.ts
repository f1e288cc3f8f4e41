import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const fixturesDir = join(repoRoot, 'test', 'fixtures')

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
  /** stdout and stderr together, ANSI codes removed. */
  output: string
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI escape sequences
const ANSI = /\u001b\[[0-9;]*m/g

/** Runs a command to completion with a hard timeout, so a hanging child fails the test instead of the run. */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(
          `${command} ${args.join(' ')} did not finish within ${options.timeoutMs ?? 90_000} ms\n${stdout}\n${stderr}`,
        ),
      )
    }, options.timeoutMs ?? 90_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}`.replace(ANSI, '') })
    })
  })
}

const vitestBin = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs')

/** Runs the real Vitest CLI in a fixture project (a folder under test/fixtures). */
export function runVitest(
  fixture: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<RunResult> {
  const cwd = fixture.startsWith('/') ? fixture : join(fixturesDir, fixture)
  return runProcess(process.execPath, [vitestBin, ...args], { cwd, env })
}

/**
 * Copies a fixture to a fresh directory inside test/fixtures (so `perfgate` still resolves) for
 * tests that write files (baselines, reports). Returns the path and a cleanup function.
 */
export function scratchCopy(fixture: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(fixturesDir, `.scratch-${fixture}-`))
  cpSync(join(fixturesDir, fixture), dir, { recursive: true })
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
