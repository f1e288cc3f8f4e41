import type { BaselineEntry, BaselineFile, Environment, Measurement, Summary } from '../types.js'

/**
 * Six significant digits: far finer than run-to-run noise, and short enough that files stay
 * small and a re-recording shows as a change of numbers, not of every trailing digit.
 */
const round = (value: number): number => {
  const rounded = Number(value.toPrecision(6))
  return rounded === 0 ? 0 : rounded // no "-0" in files
}

// Each builder lists its fields in file order; JSON.stringify keeps insertion order.
function summaryJson(s: Summary): Summary {
  return {
    n: s.n,
    min: round(s.min),
    max: round(s.max),
    mean: round(s.mean),
    median: round(s.median),
    sd: round(s.sd),
    mad: round(s.mad),
    p75: round(s.p75),
    p95: round(s.p95),
    p99: round(s.p99),
  }
}

function envJson(e: Environment): Environment {
  return { node: e.node, os: e.os, arch: e.arch, cpu: e.cpu, cores: e.cores, ci: e.ci }
}

function entryJson(e: BaselineEntry): BaselineEntry {
  return {
    name: e.name,
    metric: e.metric,
    unit: e.unit,
    source: e.source,
    stat: e.stat,
    ...(e.budget === undefined ? {} : { budget: e.budget }),
    ...(e.threshold === undefined ? {} : { threshold: e.threshold }),
    batch: e.batch,
    ...(e.cold === undefined ? {} : { cold: e.cold }),
    summary: summaryJson(e.summary),
    samples: e.samples.map(round),
    ...(e.rounds === undefined ? {} : { rounds: e.rounds.map(round) }),
    env: envJson(e.env),
  }
}

const indent = (text: string, by: string): string => text.replaceAll('\n', `\n${by}`)

// Plain UTF-16 code-unit order, the same on every machine and locale.
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The text of a baseline file: the same input always gives the same bytes (fixed field order,
 * entries sorted by key, 2-space indent, trailing newline, no timestamps), so re-recording
 * unchanged results changes nothing but the numbers. The entries object is assembled by hand
 * because JavaScript objects put integer-like keys ("1", "42") first, whatever the sort.
 */
export function serializeBaselineFile(file: BaselineFile): string {
  const keys = Object.keys(file.entries).sort(byCodeUnits)
  const entries = keys.map(
    (key) =>
      `    ${JSON.stringify(key)}: ${indent(JSON.stringify(entryJson(file.entries[key]!), null, 2), '    ')}`,
  )
  const body = entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n  }`
  return `{\n  "version": ${file.version},\n  "file": ${JSON.stringify(file.file)},\n  "entries": ${body}\n}\n`
}

/** A measurement as a baseline entry: what it measured and where, without its verdict. */
export function entryFromMeasurement(m: Measurement, env: Environment): BaselineEntry {
  return {
    name: m.name,
    metric: m.metric,
    unit: m.unit,
    source: m.source,
    stat: m.stat,
    ...(m.budget === undefined ? {} : { budget: m.budget }),
    ...(m.threshold === undefined ? {} : { threshold: m.threshold }),
    summary: m.summary,
    samples: m.samples,
    batch: m.batch,
    ...(m.cold === undefined ? {} : { cold: m.cold }),
    // An empty list would not validate, and says no more than leaving it out.
    ...(m.rounds === undefined || m.rounds.length === 0 ? {} : { rounds: m.rounds }),
    env,
  }
}

/** A baseline entry as the baseline side of a comparison. */
export function measurementFromEntry(file: string, key: string, entry: BaselineEntry): Measurement {
  return {
    key,
    file,
    name: entry.name,
    metric: entry.metric,
    unit: entry.unit,
    source: entry.source,
    stat: entry.stat,
    ...(entry.budget === undefined ? {} : { budget: entry.budget }),
    ...(entry.threshold === undefined ? {} : { threshold: entry.threshold }),
    summary: entry.summary,
    samples: entry.samples,
    batch: entry.batch,
    ...(entry.cold === undefined ? {} : { cold: entry.cold }),
    ...(entry.rounds === undefined ? {} : { rounds: entry.rounds }),
  }
}
