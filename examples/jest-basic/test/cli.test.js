const { execFile } = require('node:child_process')
const { join } = require('node:path')
const { promisify } = require('node:util')

const run = promisify(execFile)
const cli = join(__dirname, '..', 'src', 'cli.js')

test('--help starts in under half a second', async () => {
  await expect(() => run(process.execPath, [cli, '--help'])).toCompleteWithin(500, { samples: 5 })
})
