/**
 * The package as users receive it: `npm pack`, install the tarball with the real Vitest into a
 * scratch project outside this repository, and use every entry from there (ESM, CJS, types, bin).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { npm, packedProject } from './pack.js'
import { repoRoot, runProcess } from './run.js'

const vitestVersion = (await import('vitest/package.json', { with: { type: 'json' } })).default.version
const jestVersion = (await import('jest/package.json', { with: { type: 'json' } })).default.version
let project = ''
let write: (file: string, text: string) => void = () => {}

beforeAll(async () => {
  const scratch = await packedProject([`vitest@${vitestVersion}`, `jest@${jestVersion}`, '@types/node@20'])
  project = scratch.dir
  write = scratch.write
}, 180_000)

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true })
})

describe('the packed package in a fresh project', () => {
  test('ships only dist, README and CHANGELOG', async () => {
    const listed = await runProcess(npm, ['pack', '--dry-run', '--json'], { cwd: repoRoot })
    const files = (JSON.parse(listed.stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path)
    expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual([
      'CHANGELOG.md',
      'README.md',
      'package.json',
    ])
    expect(files).toContain('dist/vitest.d.ts')
    expect(files).toContain('dist/vitest.d.cts')
  })

  test('vitest with the plugin runs the matchers and --reporter perf', async () => {
    write(
      'vitest.config.ts',
      "import perfgate from 'perfgate/vitest'\nexport default { plugins: [perfgate()] }\n",
    )
    write(
      'math.test.ts',
      [
        "import { expect, test } from 'vitest'",
        "test('sum is fast', () => { expect(() => [1, 2, 3].reduce((a, b) => a + b)).toCompleteWithin(1) })",
        "test('sum retains nothing', async () => { await expect(() => [1, 2, 3].map(String)).toGrowMemoryLessThan(1) })",
      ].join('\n'),
    )
    const run = await runProcess(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--reporter', 'default', '--reporter', 'perf'],
      {
        cwd: project,
      },
    )
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/Tests\s+2 passed/)
    expect(run.output).toContain('perfgate: 2 measurements')
    expect(run.output).toMatch(/math\.test\.ts > sum is fast\s+time\s+median/)
  })

  test('jest (CommonJS) with perfgate/jest and perfgate/jest-reporter: baselines, comparison, report', async () => {
    const jestConfig = {
      testEnvironment: 'node',
      setupFilesAfterEnv: ['perfgate/jest'],
      reporters: ['default', 'perfgate/jest-reporter'],
    }
    write('jest/package.json', JSON.stringify({ name: 'jest-user', private: true, jest: jestConfig }))
    // This checks the package, not the statistics: one process a side timing a nanosecond-scale
    // function can honestly come out `slower` (a 1.72× A/A once failed here), so the gate stays
    // off and the verdict is only checked to exist.
    write('jest/perfgate.config.json', JSON.stringify({ failOnRegression: false }))
    write(
      'jest/sum.test.js',
      "test('sum is fast', () => { expect(() => [1, 2, 3].reduce((a, b) => a + b)).toCompleteWithin(1) })\n",
    )
    const cwd = join(project, 'jest')
    const jest = join(project, 'node_modules', 'jest', 'bin', 'jest.js')
    const update = await runProcess(process.execPath, [jest, '-u'], { cwd })
    expect(update.code, update.output).toBe(0)
    expect(update.output).toContain('perfgate: baselines updated in baselines/')
    expect(existsSync(join(cwd, 'baselines', 'sum.test.js.json'))).toBe(true)
    const run = await runProcess(process.execPath, [jest], { cwd })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/sum\.test\.js > sum is fast\s+median/)
    const report = JSON.parse(readFileSync(join(cwd, '.perfgate', 'report.json'), 'utf8'))
    expect(report.comparisons).toHaveLength(1)
    expect(['faster', 'same', 'slower', 'inconclusive']).toContain(report.comparisons[0].verdict)
  })

  test('the core entry loads from ESM and from CommonJS', async () => {
    const esm = await runProcess(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('perfgate'); const r = m.measureTimeOf(() => 1, { samples: 3 }); console.log(typeof m.measureMemoryOf, r.summary.n)",
      ],
      { cwd: project },
    )
    expect(esm.output.trim()).toBe('function 3')
    const cjs = await runProcess(
      process.execPath,
      [
        '-e',
        "const m = require('perfgate'); const p = require('perfgate/vitest'); console.log(typeof m.measureTimeOf, typeof p.default, typeof require('perfgate/reporter'))",
      ],
      { cwd: project },
    )
    expect(cjs.output.trim()).toBe('function function function')
  })

  test('types resolve for the user with moduleResolution bundler', async () => {
    write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'ESNext',
          moduleResolution: 'bundler',
          target: 'ES2022',
          skipLibCheck: false,
        },
        include: ['*.ts'],
      }),
    )
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')
    const checked = await runProcess(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project })
    expect(checked.output.trim()).toBe('')
    expect(checked.code).toBe(0)
  })

  test('the perfgate bin answers --help and --version', async () => {
    const help = await runProcess(process.execPath, ['node_modules/.bin/perfgate', '--help'], {
      cwd: project,
    })
    expect(help.code).toBe(0)
    expect(help.output).toContain('Usage:')
    const version = await runProcess(process.execPath, ['node_modules/.bin/perfgate', '--version'], {
      cwd: project,
    })
    expect(version.output).toMatch(/\d+\.\d+\.\d+/)
  })
})
