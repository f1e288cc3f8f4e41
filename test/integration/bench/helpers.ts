import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunResult } from '../run.js'
import { repoRoot, runProcess } from '../run.js'

export const cli = join(repoRoot, 'dist', 'cli.js')

/** Runs `perfgate bench` in `cwd`, tagging its processes with a marker in their environment. */
export function runBench(cwd: string, args: string[], env: Record<string, string | undefined> = {}) {
  const marker = randomUUID()
  const result = runProcess(process.execPath, [cli, 'bench', ...args], {
    cwd,
    env: { PERFGATE_TEST_MARKER: marker, GITHUB_ACTIONS: undefined, GITHUB_BASE_REF: undefined, ...env },
    timeoutMs: 60_000,
  })
  return { marker, result }
}

/** Processes still alive whose environment carries `marker` (Linux: read from /proc). */
export function processesWithMarker(marker: string): number[] {
  if (process.platform !== 'linux') return []
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').includes(marker)) found.push(Number(entry))
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found
}

const gitEnv = {
  GIT_AUTHOR_NAME: 'perfgate test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'perfgate test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
}

export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv }, encoding: 'utf8' }).trim()

/** Makes `dir` a repository with everything in it committed. */
export function gitInit(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'base')
}

/** The worktrees git knows for the repository at `dir`. */
export const worktrees = (dir: string) =>
  git(dir, 'worktree', 'list', '--porcelain')
    .split('\n')
    .filter((l) => l.startsWith('worktree '))

/** The JSON `--json` printed. */
export function json(result: RunResult) {
  try {
    return JSON.parse(result.stdout)
  } catch {
    throw new Error(`not JSON:\n${result.output}`)
  }
}
