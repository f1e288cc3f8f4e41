/**
 * Builds `perfgate/vitest5` from `perfgate/vitest`. The runtime is the same plugin; only the
 * declarations differ: Vitest 5 declares `Matchers<R, T>` where Vitest 4 declares `Matchers<T>`,
 * and TypeScript requires every declaration of an interface to have identical type parameters,
 * so one declaration file cannot serve both and one TypeScript program cannot compile both.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist')
const V4 = /interface Matchers<T = any> extends PerfgateMatchers<T> \{\s*\}/
const V5 =
  'interface Matchers<R extends void | Promise<void> = void | Promise<void>, T = unknown> extends PerfgateMatchers<T> {\n    }'

for (const ext of ['js', 'cjs']) copyFileSync(join(dist, `vitest.${ext}`), join(dist, `vitest5.${ext}`))
for (const ext of ['d.ts', 'd.cts']) {
  const v4 = readFileSync(join(dist, `vitest.${ext}`), 'utf8')
  if (!V4.test(v4))
    throw new Error(
      `dist/vitest.${ext}: the Vitest 4 Matchers augmentation was not found; update ${import.meta.url}`,
    )
  writeFileSync(join(dist, `vitest5.${ext}`), v4.replace(V4, V5).replace('Vitest 4', 'Vitest 5'))
}
