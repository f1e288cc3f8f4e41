import type { Measurement } from '../types.js'

/**
 * Measurements that share a file and key (two tests with the same full name) would overwrite
 * each other's baseline. The first one is kept and the clash reported once, asking for a rename.
 */
export function findDuplicateKeys(measurements: readonly Measurement[]): {
  unique: Measurement[]
  problems: string[]
} {
  const seen = new Set<string>()
  const unique: Measurement[] = []
  const problems = new Set<string>()
  for (const m of measurements) {
    const id = JSON.stringify([m.file, m.key])
    if (seen.has(id)) {
      problems.add(`${m.file}: two tests are named "${m.name}"; rename one so each keeps its own baseline`)
      continue
    }
    seen.add(id)
    unique.push(m)
  }
  return { unique, problems: [...problems] }
}
