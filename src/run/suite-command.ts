import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { PerfgateError } from '../errors.js'

export type TestRunner = 'vitest' | 'jest'

const VITEST_CONFIGS = ['vitest.config', 'vitest.workspace', 'vite.config'].flatMap((name) =>
  ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `${name}.${ext}`),
)
const JEST_CONFIGS = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json'].map((ext) => `jest.config.${ext}`)

function dependencies(root: string): Record<string, unknown> {
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, unknown>
      devDependencies?: Record<string, unknown>
      jest?: unknown
    }
    return {
      ...manifest.dependencies,
      ...manifest.devDependencies,
      ...(manifest.jest ? { 'jest-config': 1 } : {}),
    }
  } catch {
    return {}
  }
}

/** Which test runner a project uses: its config files first, then its dependencies. */
export function detectRunner(root: string): TestRunner {
  if (VITEST_CONFIGS.some((file) => existsSync(join(root, file)))) return 'vitest'
  if (JEST_CONFIGS.some((file) => existsSync(join(root, file)))) return 'jest'
  const deps = dependencies(root)
  if ('vitest' in deps) return 'vitest'
  if ('jest' in deps || 'jest-config' in deps) return 'jest'
  throw new PerfgateError(
    'NOT_FOUND',
    `no Vitest or Jest project found in ${root}: run perfgate update from the project root, or pass --runner vitest|jest.`,
  )
}

/** The runner's executable as npm installs it, in the project or a parent (workspaces hoist). */
function findBin(root: string, runner: TestRunner): string | undefined {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin', runner)
    if (existsSync(bin)) return bin
    if (dirname(dir) === dir) return undefined
  }
}

/** The command that runs the suite once with perfgate's reporter active. */
export function suiteCommand(root: string, runner: TestRunner, extra: readonly string[]): string[] {
  const bin = findBin(root, runner)
  if (!bin) {
    throw new PerfgateError(
      'NOT_FOUND',
      `${runner} is not installed for ${root} (no node_modules/.bin/${runner} here or above); run npm install first.`,
    )
  }
  // Vitest: the command-line reporters replace the configured ones, so name perfgate's and the
  // default. Jest: perfgate/jest-reporter comes from the project's config, as set up.
  return runner === 'vitest'
    ? [bin, 'run', '--reporter=default', '--reporter=perf', ...extra]
    : [bin, ...extra]
}

/** Runs a command with inherited output and resolves to its exit code (signals count as failure). */
export function runInherited(
  command: readonly string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<number> {
  const [file, ...args] = command as [string, ...string[]]
  return new Promise((resolvePromise, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: 'inherit' })
    const stop = () => child.kill('SIGINT')
    process.once('SIGINT', stop)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', stop)
      resolvePromise(code ?? (signal ? 130 : 1))
    })
  })
}
