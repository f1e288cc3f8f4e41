import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export type CollectGarbage = () => void

let cached: CollectGarbage | undefined

/**
 * A function that forces a full, synchronous garbage collection, whether or not Node was started
 * with `--expose-gc`. V8 flags are process-wide and read when a context is created, so setting
 * `--expose-gc` and then creating a fresh `vm` context yields a working `gc` in any thread
 * (Vitest `threads` and `forks` pools alike) without the user changing how tests start.
 */
export function collectGarbage(): CollectGarbage {
  if (cached) return cached
  const existing = (globalThis as { gc?: unknown }).gc
  if (typeof existing === 'function') {
    cached = existing as CollectGarbage
    return cached
  }
  setFlagsFromString('--expose-gc')
  const gc: unknown = runInNewContext('gc')
  if (typeof gc !== 'function') {
    throw new Error('could not obtain a garbage collector: run Node with --expose-gc')
  }
  cached = gc as CollectGarbage
  return cached
}
