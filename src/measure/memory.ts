import type { CollectGarbage } from './gc.js'

export interface MemorySettings {
  calls: number
  checkpoints: number
  warmup: number
  timeout: number
}

export interface MemoryDeps {
  gc: CollectGarbage
  /** Bytes in use after GC: V8 heap plus array buffers (Buffers live outside the JS heap). */
  heapBytes: () => number
  now: () => number
}

export interface MemoryResult {
  /**
   * One estimate per interval between checkpoints of the growth over *all* `calls`, in MB:
   * the interval's retained bytes scaled by the number of intervals. Their median is robust to
   * one interval whose GC left garbage behind or collected late.
   */
  samples: number[]
  /** Heap after GC at each checkpoint, in bytes (the first is the base after warm-up). */
  heap: number[]
  timedOut: boolean
}

const MB = 1024 * 1024

/** Forces GC until the heap stops shrinking, so finalisers and weak references have settled. */
function settle(deps: MemoryDeps): number {
  let previous = Number.POSITIVE_INFINITY
  let current = 0
  for (let round = 0; round < 4; round++) {
    deps.gc()
    current = deps.heapBytes()
    if (current >= previous) break
    previous = current
  }
  return current
}

/**
 * Measures how much heap the calls retain. After warm-up, the calls are split into
 * `checkpoints` equal intervals with a settled GC heap reading between them.
 */
export async function measureRetained(
  fn: () => unknown,
  settings: MemorySettings,
  deps: MemoryDeps,
): Promise<MemoryResult> {
  const started = deps.now()
  const outOfTime = () => deps.now() - started > settings.timeout
  for (let i = 0; i < settings.warmup; i++) await fn()
  const perInterval = Math.max(1, Math.round(settings.calls / settings.checkpoints))
  const heap = [settle(deps)]
  let timedOut = false
  for (let interval = 0; interval < settings.checkpoints; interval++) {
    for (let i = 0; i < perInterval; i++) await fn()
    heap.push(settle(deps))
    if (outOfTime()) {
      timedOut = true
      break
    }
  }
  const intervals = heap.length - 1
  const samples: number[] = []
  const scale = settings.calls / perInterval
  for (let i = 1; i <= intervals; i++) samples.push(((heap[i]! - heap[i - 1]!) * scale) / MB)
  return { samples, heap, timedOut }
}
