import { isAbsolute, join, posix, relative, sep } from 'node:path'
import fg from 'fast-glob'
import { PerfgateError } from '../errors.js'

/**
 * Where the baseline of a test file lives: `src/parse.test.ts` →
 * `<root>/<baselineDir>/src/parse.test.ts.json`. A test file outside the root (`../x.test.ts`,
 * an absolute path) has no place under the baseline directory and is refused, rather than let a
 * write land outside it.
 */
export function baselinePath(root: string, baselineDir: string, testFile: string): string {
  const normalized = posix.normalize(testFile)
  const escapes = normalized === '..' || normalized.startsWith('../') || normalized === '.'
  if (testFile === '' || escapes || isAbsolute(testFile) || posix.isAbsolute(testFile)) {
    throw new PerfgateError(
      'BAD_BASELINE',
      `test file "${testFile}" is not inside the project root ${root}, so it cannot have a baseline`,
    )
  }
  return join(root, baselineDir, `${normalized}.json`)
}

/** A path as shown in messages: relative to the project root, with `/` separators. */
export function shownPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/')
}

/**
 * The test files (project-relative, `/` separators, sorted) that have a baseline file. Files set
 * aside as `*.json.corrupt` and temporary files of an interrupted write do not count.
 */
export async function listBaselineFiles(root: string, baselineDir: string): Promise<string[]> {
  const found = await fg('**/*.json', { cwd: join(root, baselineDir), dot: true, onlyFiles: true })
  return found.map((file) => file.slice(0, -'.json'.length)).sort()
}
