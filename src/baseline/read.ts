import { readFile } from 'node:fs/promises'
import type { BaselineFile } from '../types.js'
import { parseJsonText } from './json-text.js'
import { baselinePath, shownPath } from './paths.js'
import { parseBaselineFile } from './schema.js'

/** A baseline file as found on disk. */
export type StoredBaseline = { path: string; shown: string } & (
  | { state: 'absent' }
  /** Exists but cannot be read (permissions, a directory in its place). */
  | { state: 'unreadable'; problems: string[] }
  /** Read; `file` is what can be used of it (absent when nothing can), `ignored` the bad entries. */
  | { state: 'read'; text: string; file?: BaselineFile; problems: string[]; ignored: string[] }
)

/** The `code` of a file-system error (`ENOENT`, `EISDIR`…), or the error itself as text. */
export const errorCode = (error: unknown): string => String((error as { code?: unknown }).code ?? error)

/**
 * Reads and checks the baseline of one test file. Content problems (invalid JSON, schema) are
 * returned, naming the file as `shown` (relative to the root); only a bad test file path throws.
 */
export async function loadBaseline(
  root: string,
  baselineDir: string,
  testFile: string,
): Promise<StoredBaseline> {
  const path = baselinePath(root, baselineDir, testFile)
  const shown = shownPath(root, path)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { path, shown, state: 'absent' }
    return { path, shown, state: 'unreadable', problems: [`${shown}: cannot be read (${errorCode(error)})`] }
  }
  const json = parseJsonText(text)
  if (!json.ok)
    return { path, shown, state: 'read', text, problems: [`${shown}: ${json.message}`], ignored: [] }
  return { path, shown, state: 'read', text, ...parseBaselineFile(json.value, shown, testFile) }
}

/**
 * The baselines of the given test files, by test file. A test file without a baseline file is
 * simply absent from the map; problems with a file or an entry are returned one line each (the
 * usable entries of a file with bad ones are still returned). Never throws for bad content.
 */
export async function readBaselines(
  root: string,
  baselineDir: string,
  testFiles: readonly string[],
): Promise<{ files: Map<string, BaselineFile>; problems: string[] }> {
  const unique = [...new Set(testFiles)]
  const loaded = await Promise.all(
    unique.map((testFile) =>
      loadBaseline(root, baselineDir, testFile).catch((error: unknown) => ({
        state: 'failed' as const,
        problems: [(error as Error).message],
      })),
    ),
  )
  const files = new Map<string, BaselineFile>()
  const problems: string[] = []
  loaded.forEach((stored, index) => {
    if (stored.state === 'absent') return
    problems.push(...stored.problems)
    if (stored.state === 'read' && stored.file) files.set(unique[index]!, stored.file)
  })
  return { files, problems }
}
