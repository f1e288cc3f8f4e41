import type { CollectedBench, CollectedFile } from '../protocol.js'
import type { Collection } from '../registry.js'
import { runnable } from '../registry.js'

/** What a collection declares, as sent to the runner: names and numeric options, no functions. */
export function collectedFile(collection: Collection): CollectedFile {
  const benches = runnable(collection).map((b): CollectedBench => {
    const { time, warmupTime, iterations, timeout, threshold } = b.options
    return { key: b.key, name: b.name, time, warmupTime, iterations, timeout, threshold }
  })
  const { ab, time, warmupTime, timeout, threshold } = collection.options
  return { benches, ab, time, warmupTime, timeout, threshold }
}
