import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseJsonText } from '../baseline/json-text.js'
import { writeFileAtomic } from '../baseline/write-file.js'
import { PerfgateError } from '../errors.js'
import type { RunReport } from '../types.js'
import { parseRunReport } from './schema.js'

/**
 * Reads and validates a run report; `path` is resolved from `cwd` and named as given in errors:
 * `NOT_FOUND` when there is no such file, `BAD_REPORT` when it cannot be read or is not a report.
 */
export async function readRunReport(cwd: string, path: string): Promise<RunReport> {
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'ENOENT') {
      throw new PerfgateError(
        'NOT_FOUND',
        `no run report at ${path}: run the suite with perfgate first, or pass the report's path.`,
      )
    }
    throw new PerfgateError('BAD_REPORT', `cannot read the run report ${path} (${String(code ?? error)}).`, {
      cause: error,
    })
  }
  const json = parseJsonText(text)
  if (!json.ok) throw new PerfgateError('BAD_REPORT', `${path}: ${json.message}.`)
  return parseRunReport(json.value, path)
}

/**
 * Writes a run report as indented JSON with a trailing newline, atomically, so a reader (a
 * later `perfgate comment` step, a merge) never sees half a report. NaN values become `null`,
 * which {@link readRunReport} turns back into NaN.
 */
export async function writeRunReport(path: string, report: RunReport): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(report, null, 2)}\n`)
}
