/**
 * Scratch git repositories for the A/B experiments: bench files committed on branches, with
 * `node_modules/perfgate` linked to this package (built: run `npm run build` first), the way a
 * project that installed perfgate has it. PERFGATE_PACKAGE points at another copy of the package
 * (e.g. a snapshot of dist/, so rebuilding during a long experiment changes nothing).
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const packageRoot =
  process.env.PERFGATE_PACKAGE ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const cli = join(packageRoot, 'dist', 'cli.js')

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=ab@example.com', '-c', 'user.name=ab', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim()

/** A repository with `files` committed on `main`; returns its directory. */
export function createRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-ab-experiment-'))
  mkdirSync(join(dir, 'node_modules'))
  symlinkSync(packageRoot, join(dir, 'node_modules', 'perfgate'), 'dir')
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n.perfgate\n')
  writeFileSync(join(dir, 'package.json'), '{ "name": "ab-experiment", "private": true, "type": "module" }\n')
  git(dir, 'init', '-q', '-b', 'main')
  commit(dir, files, 'base')
  return dir
}

/** Writes `files` and commits them; returns the commit. */
export function commit(dir: string, files: Record<string, string>, message: string): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '--allow-empty', '-m', message)
  return git(dir, 'rev-parse', 'HEAD')
}

export const checkout = (dir: string, ref: string) => git(dir, 'checkout', '-q', ref)
export const branch = (dir: string, name: string, from: string) =>
  git(dir, 'checkout', '-q', '-b', name, from)
export const removeRepo = (dir: string) => rmSync(dir, { recursive: true, force: true })

/** One benchmark of a `--json` run, as far as the experiments read it. */
export interface JsonBench {
  name: string
  verdict?: string
  logRatio?: number
  orderEffect?: number
  comparison?: { change?: { ratio: number; low: number; high: number } }
  error?: string
}

export interface JsonRun {
  wallMs: number
  detectableChange?: number
  overhead: {
    processes: number
    startupMedianMs: number
    startupTotalMs: number
    benchmarkMs: number
    collectMs: number
  }
  benchmarks: JsonBench[]
}

/** Runs `perfgate bench --json` in `dir`; resolves to the parsed output and the wall time. */
export function runBench(
  dir: string,
  args: string[],
): Promise<{ run: JsonRun; wallMs: number; code: number | null }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'bench', '--json', ...args], {
      cwd: dir,
      env: { ...process.env, GITHUB_ACTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => {
      stdout += c
    })
    child.stderr.on('data', (c: Buffer) => {
      stderr += c
    })
    child.on('close', (code) => {
      try {
        resolve({ run: JSON.parse(stdout) as JsonRun, wallMs: performance.now() - started, code })
      } catch {
        reject(new Error(`perfgate bench ${args.join(' ')} exited ${code}:\n${stderr.slice(-3000)}`))
      }
    })
  })
}
