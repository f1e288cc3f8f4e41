import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

const run = promisify(execFile)
const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url))

test('--help starts in under half a second', async () => {
  await expect(() => run(process.execPath, [cli, '--help'])).toCompleteWithin(500, { samples: 5 })
})
