/**
 * The baseline store (SPEC §4): one JSON file per test file under the baseline directory, read
 * for comparison and rewritten on update. Each part lives in its own module; this one names them.
 */
export { findDuplicateKeys } from './duplicates.js'
export { baselinePath, listBaselineFiles } from './paths.js'
export { readBaselines } from './read.js'
export type { UpdateInput, UpdateResult } from './update.js'
export { updateBaselines } from './update.js'
export { writeFileAtomic } from './write-file.js'
