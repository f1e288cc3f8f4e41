import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The built worker script. The CLI bundle sits next to it in `dist/`; from the sources (tests
 * that run the command in-process) it is the package's `dist/` two levels up.
 */
export function workerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const beside = join(here, 'bench-worker.js')
  return existsSync(beside) ? beside : join(here, '..', '..', 'dist', 'bench-worker.js')
}
