import { existsSync, mkdirSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * Fixture projects import `perfgate/...` as users do. `npm test` builds `dist/` first (pretest);
 * here the fixtures' `node_modules/perfgate` is pointed at this package so they resolve it.
 */
export default function setup(): void {
  if (!existsSync(join(root, 'dist', 'vitest.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the integration tests')
  }
  const link = join(root, 'test', 'fixtures', 'node_modules', 'perfgate')
  if (!existsSync(link)) {
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(root, link, 'dir')
  }
}
