import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { fixturesDir, repoRoot, runProcess } from '../run.js'

const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')

/** Type-checks the jest-types fixture with one of its tsconfig files. */
function typecheck(config: string) {
  return runProcess(process.execPath, [tsc, '-p', config], { cwd: join(fixturesDir, 'jest-types') })
}

describe('perfgate/jest types (tsc --noEmit over a fixture, with "types": ["perfgate/jest"])', () => {
  test.each(['bundler', 'node16', 'node'])(
    'expect from @jest/globals, moduleResolution %s: sync, async, .not, options and wrong uses',
    async (resolution) => {
      const run = await typecheck(`tsconfig.globals-${resolution}.json`)
      expect(run.output.trim()).toBe('')
      expect(run.code).toBe(0)
    },
  )

  test.skipIf(!existsSync(join(repoRoot, 'node_modules', '@types', 'jest')))(
    'the global expect of @types/jest',
    async () => {
      const run = await typecheck('tsconfig.types-jest.json')
      expect(run.output.trim()).toBe('')
      expect(run.code).toBe(0)
    },
  )
})
