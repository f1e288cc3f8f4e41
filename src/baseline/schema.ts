import { z } from 'zod'
import { describeValue } from '../config/describe-value.js'
import type { BaselineEntry, BaselineFile, Environment, Summary } from '../types.js'
import { BASELINE_VERSION, MAX_STORED_SAMPLES, STAT_NAMES } from '../types.js'
import { formatIssue } from './issues.js'
import type { SameShape } from './same-shape.js'

// z.number() already rejects NaN and ±Infinity; the names say what each bound means.
const finite = z.number()
const nonNegative = z.number().min(0)
const count = z.int().min(1)
const values = z.array(finite).min(1).max(MAX_STORED_SAMPLES)

export const environmentSchema = z.object({
  node: z.string(),
  os: z.string(),
  arch: z.string(),
  cpu: z.string(),
  cores: count,
  ci: z.boolean(),
})

const summarySchema = z.object({
  n: count,
  min: finite,
  max: finite,
  mean: finite,
  median: finite,
  sd: nonNegative,
  mad: nonNegative,
  p75: finite,
  p95: finite,
  p99: finite,
})

export const baselineEntrySchema = z.object({
  name: z.string(),
  metric: z.enum(['time', 'memory']),
  unit: z.enum(['ms', 'MB']),
  source: z.enum(['matcher', 'bench']),
  stat: z.enum(STAT_NAMES as [BaselineEntry['stat'], ...BaselineEntry['stat'][]]),
  budget: nonNegative.exactOptional(),
  threshold: nonNegative.exactOptional(),
  summary: summarySchema,
  samples: values,
  batch: count,
  cold: z.boolean().exactOptional(),
  rounds: values.exactOptional(),
  env: environmentSchema,
})

export const baselineFileSchema = z.object({
  version: z.literal(BASELINE_VERSION),
  file: z.string(),
  entries: z.record(z.string(), baselineEntrySchema),
})

true satisfies SameShape<z.infer<typeof environmentSchema>, Environment>
true satisfies SameShape<z.infer<typeof summarySchema>, Summary>
true satisfies SameShape<z.infer<typeof baselineEntrySchema>, BaselineEntry>
true satisfies SameShape<z.infer<typeof baselineFileSchema>, BaselineFile>

const RERECORD = 're-record with "vitest run -u" (or PERFGATE_UPDATE=1)'

function versionProblem(version: unknown): string | undefined {
  if (version === BASELINE_VERSION) return undefined
  if (version === undefined) return `no schema "version": not a perfgate baseline file? ${RERECORD}`
  if (typeof version === 'number' && version > BASELINE_VERSION) {
    return `schema version ${version} is newer than this perfgate understands (${BASELINE_VERSION}); upgrade perfgate or ${RERECORD}`
  }
  return `schema version ${describeValue(version)} is not one this perfgate understands (${BASELINE_VERSION}); ${RERECORD}`
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// At most this many problems per entry: one broken entry should not bury the others.
const MAX_ENTRY_PROBLEMS = 3

/**
 * Validates one entry: the entry (unknown fields dropped) or what is wrong with it, one phrase
 * per problem after `prefix` (`entries["x"].summary.median: expected a finite number, got "NaN"`).
 */
export function checkEntry(value: unknown, prefix = ''): { entry?: BaselineEntry; problems: string[] } {
  const result = baselineEntrySchema.safeParse(value, { reportInput: true })
  if (result.success) return { entry: result.data, problems: [] }
  return {
    problems: result.error.issues.slice(0, MAX_ENTRY_PROBLEMS).map((issue) => formatIssue(issue, prefix)),
  }
}

function parseEntries(entries: Record<string, unknown>, path: string, problems: string[]) {
  const valid: [string, BaselineEntry][] = []
  const ignored: string[] = []
  for (const [key, value] of Object.entries(entries)) {
    const { entry, problems: found } = checkEntry(value, `entries[${JSON.stringify(key)}]`)
    if (entry) valid.push([key, entry])
    else ignored.push(key)
    for (const problem of found) problems.push(`${path}: ${problem} (entry ignored)`)
  }
  // fromEntries defines own properties, so a test named "__proto__" stays an ordinary key.
  return { entries: Object.fromEntries(valid), ignored }
}

/** What {@link parseBaselineFile} found: the usable part of the file, and what was wrong. */
export interface ParsedBaselineFile {
  /** Absent when nothing in the file can be used (not a baseline, unknown version). */
  file?: BaselineFile
  problems: string[]
  /** Keys of the entries left out because they are invalid. */
  ignored: string[]
}

/**
 * Validates parsed JSON as a baseline file. Problems name `path` (as the user should see it) and,
 * for a bad entry, its key and field; bad entries are left out and the others kept. With
 * `expectedFile` (the test file the baseline was looked up for), a file recorded for another
 * test file (copied or renamed) is reported and its entries used for `expectedFile`.
 */
export function parseBaselineFile(json: unknown, path: string, expectedFile?: string): ParsedBaselineFile {
  if (!isRecord(json)) {
    return {
      problems: [
        `${path}: not a perfgate baseline file (expected an object with "version", "file" and "entries", got ${describeValue(json)})`,
      ],
      ignored: [],
    }
  }
  const version = versionProblem(json.version)
  if (version) return { problems: [`${path}: ${version}`], ignored: [] }
  const problems: string[] = []
  if (typeof json.file !== 'string')
    problems.push(`${path}: file: expected a string, got ${describeValue(json.file)}`)
  if (!isRecord(json.entries))
    problems.push(`${path}: entries: expected an object, got ${describeValue(json.entries)}`)
  if (typeof json.file !== 'string' || !isRecord(json.entries)) return { problems, ignored: [] }
  if (expectedFile !== undefined && json.file !== expectedFile) {
    problems.push(
      `${path}: recorded for "${json.file}" but found where the baseline of "${expectedFile}" belongs (copied or renamed?); its entries are used for "${expectedFile}"`,
    )
  }
  const { entries, ignored } = parseEntries(json.entries, path, problems)
  return { file: { version: BASELINE_VERSION, file: expectedFile ?? json.file, entries }, problems, ignored }
}
