import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { fixturesDir, repoRoot, runProcess, runVitest } from './run.js'

const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')

describe('installing the plugin changes nothing else', () => {
  test('function-form config, alias, define, setup file and globals behave the same with and without it', async () => {
    const withPlugin = await runVitest('transparent', ['run'])
    const without = await runVitest('transparent', ['run', '--config', 'vitest.without-plugin.config.ts'])
    expect(without.code, without.output).toBe(0)
    expect(withPlugin.code, withPlugin.output).toBe(0)
    const count = (output: string) => output.match(/Tests\s+(\d+) passed/)?.[1]
    expect(count(withPlugin.output)).toBe('4')
    expect(count(withPlugin.output)).toBe(count(without.output))
  })
})

describe('matcher types', () => {
  test.each(['bundler', 'node16', 'node', 'globals', 'reference'])(
    'tsc --noEmit type-checks the matchers with the %s configuration',
    async (variant) => {
      const result = await runProcess(process.execPath, [tsc, '-p', `tsconfig.${variant}.json`], {
        cwd: join(fixturesDir, 'types'),
      })
      expect(result.output.trim()).toBe('')
      expect(result.code).toBe(0)
    },
  )

  test('vitest --typecheck sees void for sync and Promise<void> for async functions', async () => {
    const result = await runVitest('types', ['run', '--typecheck.only'])
    expect(result.code, result.output).toBe(0)
    expect(result.output).toMatch(/Type Errors\s+no errors/)
    expect(result.output).toMatch(/Tests\s+1 passed/)
  })
})
