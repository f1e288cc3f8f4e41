import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunResult } from '../run.js'
import { fixturesDir, repoRoot, runProcess } from '../run.js'

const jestBin = join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js')

export interface JestTest {
  fullName: string
  status: 'passed' | 'failed' | 'skipped' | 'pending'
  failureMessages: string[]
}

export interface JestRun extends RunResult {
  /** Per-test results from Jest's JSON output, by Jest's full test name. */
  tests: Map<string, JestTest>
  /** The perfgate table: the output from its `perfgate: N measurements` line on. */
  table: string
}

/**
 * Runs the real Jest CLI in a fixture project (a folder under test/fixtures, or an absolute path)
 * with a cache directory of its own: without recorded timings Jest starts workers whenever it has
 * more than one test file and more than one worker, as on a first run.
 */
export async function runJest(
  fixture: string,
  args: string[],
  options: { esm?: boolean; env?: Record<string, string | undefined> } = {},
): Promise<JestRun> {
  const cwd = fixture.startsWith('/') ? fixture : join(fixturesDir, fixture)
  const scratch = mkdtempSync(join(tmpdir(), 'perfgate-jest-test-'))
  const out = join(scratch, 'results.json')
  try {
    const node = options.esm ? ['--experimental-vm-modules', '--no-warnings'] : []
    const run = await runProcess(
      process.execPath,
      [
        ...node,
        jestBin,
        '--ci',
        `--cacheDirectory=${join(scratch, 'cache')}`,
        '--json',
        `--outputFile=${out}`,
        ...args,
      ],
      { cwd, env: options.env ?? {} },
    )
    // No results file when Jest stopped before running tests (e.g. on a config error).
    const json = existsSync(out)
      ? (JSON.parse(readFileSync(out, 'utf8')) as { testResults: { assertionResults: JestTest[] }[] })
      : { testResults: [] }
    const tests = new Map(
      json.testResults.flatMap((file) => file.assertionResults).map((t) => [t.fullName, t]),
    )
    const start = run.output.indexOf('perfgate:')
    return { ...run, tests, table: start < 0 ? '' : run.output.slice(start) }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** The failure message of one test, or '' when it has none. */
export function failureOf(run: JestRun, name: string): string {
  return run.tests.get(name)?.failureMessages.join('\n') ?? ''
}
