import { z } from 'zod'
import { formatIssue } from '../baseline/issues.js'
import type { SameShape } from '../baseline/same-shape.js'
import { environmentSchema } from '../baseline/schema.js'
import { describeValue } from '../config/describe-value.js'
import { PerfgateError } from '../errors.js'
import type { Comparison, GatePolicy, Measurement, RunReport, StatName, Summary } from '../types.js'
import { STAT_NAMES } from '../types.js'

/**
 * Measured values and comparison results may be NaN in memory (a broken measurement, an
 * invalid comparison), and `JSON.stringify` writes NaN and ±Infinity as `null`. A report must read
 * back as it was written, so `null` is accepted here and restored as NaN: every consumer already
 * treats NaN as "no honest number". Other fields (policy, budgets, counts) must be real numbers.
 */
const measured = z
  .number()
  .nullable()
  .transform((value) => value ?? Number.NaN)

const count = z.int().min(1)
const stat = z.enum(STAT_NAMES as [StatName, ...StatName[]])

const summarySchema = z.object({
  // 0 for a measurement that produced no samples; it is kept so the report says so.
  n: z.int().min(0),
  min: measured,
  max: measured,
  mean: measured,
  median: measured,
  sd: measured,
  mad: measured,
  p75: measured,
  p95: measured,
  p99: measured,
})

const measurementSchema = z.object({
  key: z.string(),
  file: z.string(),
  name: z.string(),
  metric: z.enum(['time', 'memory']),
  unit: z.enum(['ms', 'MB']),
  source: z.enum(['matcher', 'bench']),
  stat,
  budget: z.number().exactOptional(),
  withinBudget: z.boolean().exactOptional(),
  threshold: z.number().min(0).exactOptional(),
  summary: summarySchema,
  samples: z.array(measured),
  batch: count,
  cold: z.boolean().exactOptional(),
  negated: z.boolean().exactOptional(),
  rounds: z.array(measured).exactOptional(),
})

const interval = { low: measured, high: measured, level: measured }

const noiseSchema = z.object({
  source: z.enum(['rounds', 'run', 'floor']),
  processSd: measured,
  // The assumed noise floor has infinitely many degrees of freedom, written as null.
  df: z
    .number()
    .nullable()
    .transform((value) => value ?? Number.POSITIVE_INFINITY),
  inflation: measured,
  runShift: measured.exactOptional(),
  unsteady: z.literal(true).exactOptional(),
})

const identity = {
  key: z.string(),
  file: z.string(),
  name: z.string(),
  metric: z.enum(['time', 'memory']),
  unit: z.enum(['ms', 'MB']),
  stat,
}

const leanSchema = z.enum(['slower', 'faster'])

const comparedSchema = z.object({
  verdict: z.enum(['faster', 'same', 'slower', 'inconclusive']),
  ...identity,
  base: summarySchema,
  head: summarySchema,
  change: z.object({ ratio: measured, ...interval }),
  p: measured,
  pAdjusted: measured,
  threshold: z.number(),
  detectable: measured.exactOptional(),
  reason: z.string().exactOptional(),
  leans: leanSchema.exactOptional(),
  noise: noiseSchema.exactOptional(),
  difference: z.object({ difference: measured, ...interval }).exactOptional(),
  rank: z
    .object({ p: measured, pAdjusted: measured, ratio: measured, required: z.boolean() })
    .exactOptional(),
  confirmation: z
    .array(
      z.object({
        verdict: z.enum(['faster', 'same', 'slower', 'inconclusive', 'new', 'missing']),
        ratio: measured.exactOptional(),
        leans: leanSchema.exactOptional(),
      }),
    )
    .exactOptional(),
  pointedBy: z.object({ ratio: measured }).exactOptional(),
})

const comparisonSchema = z.discriminatedUnion('verdict', [
  comparedSchema,
  z.object({ verdict: z.literal('new'), ...identity, head: summarySchema }),
  z.object({ verdict: z.literal('missing'), ...identity, base: summarySchema }),
])

const policySchema = z.object({
  alpha: z.number().gt(0).lt(1),
  threshold: z.number().min(0),
  correction: z.enum(['holm', 'bh']),
  failOnRegression: z.boolean(),
  environmentMismatch: z.enum(['advisory', 'fail']),
})

export const runReportSchema = z.object({
  version: z.literal(1),
  tool: z.literal('perfgate'),
  env: environmentSchema,
  baselineEnv: environmentSchema.exactOptional(),
  environmentDifferences: z.array(z.string()).exactOptional(),
  advisory: z.boolean(),
  policy: policySchema.exactOptional(),
  measurements: z.array(measurementSchema),
  baseline: z.array(measurementSchema).exactOptional(),
  comparisons: z.array(comparisonSchema),
  problems: z.array(z.string()).exactOptional(),
  replacedUnsteady: z.literal(true).exactOptional(),
  failed: z.boolean(),
})

true satisfies SameShape<z.infer<typeof summarySchema>, Summary>
true satisfies SameShape<z.infer<typeof measurementSchema>, Measurement>
true satisfies SameShape<z.infer<typeof comparisonSchema>, Comparison>
true satisfies SameShape<z.infer<typeof policySchema>, GatePolicy>
true satisfies SameShape<z.infer<typeof runReportSchema>, RunReport>

const REPORT_VERSIONS = [1]
const MAX_ISSUES = 5

function notAReport(path: string, json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return `${path} is not a perfgate run report (expected a JSON object, got ${describeValue(json)}).`
  }
  const { version, tool } = json as { version?: unknown; tool?: unknown }
  if (tool !== 'perfgate') return `${path} is not a perfgate run report ("tool" is ${describeValue(tool)}).`
  if (!REPORT_VERSIONS.includes(version as number)) {
    return `${path}: report version ${describeValue(version)} is not understood; this perfgate reads version ${REPORT_VERSIONS.join(', ')}. Use the perfgate that wrote it, or re-run the suite.`
  }
  return undefined
}

/**
 * Validates parsed JSON as a run report. Throws a `BAD_REPORT` error naming `path` and the first
 * few problems with their field paths (`comparisons[2].p: expected a finite number, got "x"`).
 */
export function parseRunReport(json: unknown, path: string): RunReport {
  const wrongKind = notAReport(path, json)
  if (wrongKind) throw new PerfgateError('BAD_REPORT', wrongKind)
  const result = runReportSchema.safeParse(json, { reportInput: true })
  if (result.success) return result.data
  const { issues } = result.error
  const more = issues.length > MAX_ISSUES ? `\n  … and ${issues.length - MAX_ISSUES} more` : ''
  const lines = issues.slice(0, MAX_ISSUES).map((issue) => `\n  ${formatIssue(issue)}`)
  throw new PerfgateError('BAD_REPORT', `${path} is not a valid perfgate run report:${lines.join('')}${more}`)
}
