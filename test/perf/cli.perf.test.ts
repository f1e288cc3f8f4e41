import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'

const run = promisify(execFile)
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli.js')

describe('CLI start-up', () => {
  test('perfgate --help', async () => {
    await expect(() => run(process.execPath, [cli, '--help'])).toCompleteWithin(300, { timeBudget: 3000 })
  })
})
