import { access, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { thin } from '../stats/index.js'
import type { BaselineEntry, Environment, Measurement } from '../types.js'
import { BASELINE_VERSION, MAX_STORED_SAMPLES } from '../types.js'
import { findDuplicateKeys } from './duplicates.js'
import { baselinePath, listBaselineFiles, shownPath } from './paths.js'
import type { StoredBaseline } from './read.js'
import { errorCode, loadBaseline } from './read.js'
import { checkEntry } from './schema.js'
import { entryFromMeasurement, serializeBaselineFile } from './serialize.js'
import { setAside } from './set-aside.js'
import { writeFileAtomic } from './write-file.js'

export interface UpdateInput {
  root: string
  baselineDir: string
  /** The environment this run measured on, stored with every new entry. */
  env: Environment
  measurements: Measurement[]
  /**
   * Per test file that ran: the full names of all tests in it, whatever their state (skipped
   * and filtered-out tests still exist). Entries of tests not named here are pruned.
   */
  existingTests: Map<string, Set<string>>
  /** Also delete the baseline files of test files that no longer exist. */
  pruneDeletedFiles?: boolean
}

/** What an update did. Paths are baseline files relative to the root, `/`-separated. */
export interface UpdateResult {
  written: string[]
  unchanged: string[]
  pruned: { file: string; key: string }[]
  deleted: string[]
  problems: string[]
}

const emptyResult = (): UpdateResult => ({
  written: [],
  unchanged: [],
  pruned: [],
  deleted: [],
  problems: [],
})

function newEntry(m: Measurement, env: Environment, result: UpdateResult): BaselineEntry | undefined {
  // Measurements should arrive thinned already; a longer list would make an unreadable file.
  const samples = m.samples.length > MAX_STORED_SAMPLES ? thin(m.samples, MAX_STORED_SAMPLES) : m.samples
  const { entry, problems } = checkEntry(entryFromMeasurement({ ...m, samples }, env))
  for (const problem of problems) {
    result.problems.push(
      `${m.file}: "${m.key}" was not recorded (${problem}); its old baseline, if any, is kept`,
    )
  }
  return entry
}

/** One test file's part of an update. */
interface FileJob {
  file: string
  /** This run's measurements of the file. */
  measured: readonly Measurement[]
  /** All tests of the file, when it ran; undefined when only its measurements are known. */
  names: ReadonlySet<string> | undefined
}

/** The entries a file should hold after this run: stored ones, overwritten by new, minus pruned. */
function nextEntries(stored: StoredBaseline, job: FileJob, env: Environment, result: UpdateResult) {
  const entries = new Map(Object.entries(stored.state === 'read' ? (stored.file?.entries ?? {}) : {}))
  const measuredKeys = new Set<string>()
  for (const m of job.measured) {
    const entry = newEntry(m, env, result)
    if (entry) entries.set(m.key, entry)
    measuredKeys.add(m.key)
  }
  for (const [key, entry] of entries) {
    if (!job.names || measuredKeys.has(key) || job.names.has(entry.name)) continue
    entries.delete(key)
    result.pruned.push({ file: job.file, key })
  }
  return entries
}

// A file that could not be used whole (bad JSON, unknown version, invalid entries) is kept
// under another name rather than replaced, so nothing a user wrote is lost silently.
async function replaceCorrupt(
  stored: StoredBaseline & { state: 'read' },
  root: string,
  result: UpdateResult,
) {
  const aside = shownPath(root, await setAside(stored.path))
  result.problems.push(
    `${stored.shown} could not be used as it was, so it was moved to ${aside}; compare the two, then delete ${aside}`,
  )
}

async function updateFile(job: FileJob, input: UpdateInput, result: UpdateResult): Promise<void> {
  const { file } = job
  const stored = await loadBaseline(input.root, input.baselineDir, file)
  if (stored.state === 'unreadable') {
    result.problems.push(...stored.problems.map((p) => `${p}; left as it is`))
    return
  }
  const entries = nextEntries(stored, job, input.env, result)
  const corrupt = stored.state === 'read' && (!stored.file || stored.ignored.length > 0)
  if (stored.state === 'read') result.problems.push(...stored.problems)
  if (entries.size === 0) {
    if (corrupt) await replaceCorrupt(stored, input.root, result)
    else if (stored.state === 'read') await unlink(stored.path).then(() => result.deleted.push(stored.shown))
    return
  }
  const text = serializeBaselineFile({
    version: BASELINE_VERSION,
    file,
    entries: Object.fromEntries(entries),
  })
  if (stored.state === 'read' && !corrupt && stored.text === text) {
    result.unchanged.push(stored.shown)
    return
  }
  if (corrupt) await replaceCorrupt(stored, input.root, result)
  await writeFileAtomic(stored.path, text)
  result.written.push(stored.shown)
}

async function testFileExists(root: string, file: string): Promise<boolean> {
  return access(join(root, file)).then(
    () => true,
    (error: unknown) => errorCode(error) !== 'ENOENT',
  )
}

async function deleteOrphans(input: UpdateInput, handled: ReadonlySet<string>, result: UpdateResult) {
  for (const file of await listBaselineFiles(input.root, input.baselineDir)) {
    if (handled.has(file) || (await testFileExists(input.root, file))) continue
    const path = baselinePath(input.root, input.baselineDir, file)
    await unlink(path)
    result.deleted.push(shownPath(input.root, path))
  }
}

/**
 * Records a run's measurements as baselines (SPEC §4). Every test file that was measured or ran
 * gets its file rewritten — only when its text changes — with the stored entries, this run's
 * measurements over them, and without entries of tests that no longer exist. A file left
 * without entries is deleted. Problems (bad files, clashing names, failed writes) are returned
 * one line each; the update of other files goes on.
 */
export async function updateBaselines(input: UpdateInput): Promise<UpdateResult> {
  const result = emptyResult()
  const { unique, problems } = findDuplicateKeys(input.measurements)
  result.problems.push(...problems)
  const byFile = new Map<string, Measurement[]>()
  for (const m of unique) {
    const list = byFile.get(m.file)
    if (list) list.push(m)
    else byFile.set(m.file, [m])
  }
  const files = [...new Set([...byFile.keys(), ...input.existingTests.keys()])].sort()
  for (const file of files) {
    const job = { file, measured: byFile.get(file) ?? [], names: input.existingTests.get(file) }
    try {
      await updateFile(job, input, result)
    } catch (error) {
      result.problems.push(`${file}: the baseline could not be updated (${(error as Error).message})`)
    }
  }
  if (input.pruneDeletedFiles) {
    await deleteOrphans(input, new Set(files), result).catch((error: unknown) => {
      result.problems.push(
        `baseline files of deleted tests could not be removed (${(error as Error).message})`,
      )
    })
  }
  return result
}
