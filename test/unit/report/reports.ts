/**
 * Synthetic run reports for the renderers: plausible numbers, no real timings. The small ones
 * are written to test/fixtures/reports/ by fixtures.test.ts; the large one is generated from a
 * seed on demand (it would be megabytes of JSON).
 */
import type {
  Comparison,
  Environment,
  Measurement,
  RunReport,
  Summary,
  VerdictKind,
} from '../../../src/types.js'

export const ENV: Environment = {
  node: '22.11.0',
  os: 'linux',
  arch: 'x64',
  cpu: 'AMD EPYC 7763 64-Core Processor',
  cores: 4,
  ci: true,
}

/** A summary around `median` with a relative spread. */
export function summaryOf(median: number, spread = 0.05, n = 30): Summary {
  const round = (x: number) => Number(x.toPrecision(6))
  return {
    n,
    min: round(median * (1 - 2 * spread)),
    max: round(median * (1 + 4 * spread)),
    mean: round(median * (1 + spread / 2)),
    median: round(median),
    sd: round(median * spread),
    mad: round(median * spread * 0.6),
    p75: round(median * (1 + spread)),
    p95: round(median * (1 + 2 * spread)),
    p99: round(median * (1 + 3 * spread)),
  }
}

export interface Spec {
  file: string
  key: string
  verdict: VerdictKind
  /** Baseline median (ms, or MB for memory). */
  base: number
  /** Current ÷ baseline. */
  ratio?: number
  memory?: boolean
  budget?: number
  detectable?: number
}

export function measurementOf(spec: Spec): Measurement {
  const value = spec.base * (spec.ratio ?? 1)
  const summary = summaryOf(value)
  const m: Measurement = {
    key: spec.key,
    file: spec.file,
    name: spec.key.replace(/#\d+$/, ''),
    metric: spec.memory ? 'memory' : 'time',
    unit: spec.memory ? 'MB' : 'ms',
    source: spec.budget === undefined ? 'bench' : 'matcher',
    stat: 'median',
    summary,
    samples: [summary.min, summary.median, summary.max],
    batch: 1,
  }
  if (spec.budget !== undefined) {
    m.budget = spec.budget
    m.withinBudget = value <= spec.budget
  }
  return m
}

export function comparisonOf(spec: Spec): Comparison {
  const identity = {
    key: spec.key,
    file: spec.file,
    name: spec.key.replace(/#\d+$/, ''),
    metric: spec.memory ? ('memory' as const) : ('time' as const),
    unit: spec.memory ? ('MB' as const) : ('ms' as const),
    stat: 'median' as const,
  }
  const ratio = spec.ratio ?? 1
  if (spec.verdict === 'new') return { ...identity, verdict: 'new', head: summaryOf(spec.base * ratio) }
  if (spec.verdict === 'missing') return { ...identity, verdict: 'missing', base: summaryOf(spec.base) }
  const width = spec.verdict === 'inconclusive' ? 0.2 : 0.06
  const c: Comparison = {
    ...identity,
    verdict: spec.verdict,
    base: summaryOf(spec.base),
    head: summaryOf(spec.base * ratio),
    change: {
      ratio,
      low: Number((ratio * (1 - width)).toFixed(4)),
      high: Number((ratio * (1 + width)).toFixed(4)),
      level: 0.99,
    },
    p: spec.verdict === 'same' ? 0.6 : spec.verdict === 'inconclusive' ? 0.04 : 0.0001,
    pAdjusted: spec.verdict === 'same' ? 1 : spec.verdict === 'inconclusive' ? 0.4 : 0.002,
    threshold: 0.1,
  }
  if (spec.detectable !== undefined && c.verdict === 'inconclusive') c.detectable = spec.detectable
  return c
}

export function reportOf(specs: readonly Spec[], extra: Partial<RunReport> = {}): RunReport {
  const comparisons = specs.map(comparisonOf)
  return {
    version: 1,
    tool: 'perfgate',
    env: ENV,
    advisory: false,
    measurements: specs.filter((s) => s.verdict !== 'missing').map(measurementOf),
    comparisons,
    failed: !extra.advisory && comparisons.some((c) => c.verdict === 'slower'),
    ...extra,
  }
}

/** Two regressions, one improvement, and one of every other verdict. */
export function smallReport(): RunReport {
  return reportOf([
    {
      file: 'src/parse.test.ts',
      key: 'parse > large document',
      verdict: 'slower',
      base: 12.4,
      ratio: 1.23,
      budget: 20,
    },
    {
      file: 'src/parse.test.ts',
      key: 'parse > small document',
      verdict: 'slower',
      base: 0.85,
      ratio: 1.14,
      budget: 1,
    },
    { file: 'src/render.bench.ts', key: 'render list', verdict: 'faster', base: 0.0521, ratio: 0.78 },
    { file: 'src/render.bench.ts', key: 'render tree', verdict: 'same', base: 3.2, ratio: 1.01 },
    {
      file: 'src/cache.test.ts',
      key: 'cache > set',
      verdict: 'same',
      base: 1.5,
      ratio: 0.99,
      memory: true,
      budget: 2,
    },
    {
      file: 'src/cli.test.ts',
      key: 'cli --help',
      verdict: 'inconclusive',
      base: 230,
      ratio: 1.08,
      detectable: 0.15,
      budget: 500,
    },
    { file: 'src/cli.test.ts', key: 'cli start-up', verdict: 'new', base: 1450, budget: 1500 },
    { file: 'src/old.test.ts', key: 'legacy path', verdict: 'missing', base: 4 },
  ])
}

/** Baselines from a laptop, this run on CI: verdicts advisory. */
export function advisoryReport(): RunReport {
  return reportOf(
    [
      { file: 'src/parse.test.ts', key: 'parse > large document', verdict: 'slower', base: 12.4, ratio: 1.6 },
      { file: 'src/parse.test.ts', key: 'parse > small document', verdict: 'same', base: 0.85, ratio: 1.02 },
    ],
    {
      advisory: true,
      baselineEnv: { node: '20.11.0', os: 'darwin', arch: 'arm64', cpu: 'Apple M2', cores: 8, ci: false },
    },
  )
}

/** Every escaping case: names that try to break the table, the markup, the chart or ping people. */
export const EVIL_NAMES: readonly string[] = [
  'pipes | in | name',
  'back`tick`s and ``` fences',
  '<script>alert(1)</script>',
  '</details><details open><summary>pwned</summary>',
  '<!-- perfgate --> <!-- unterminated',
  'ping @octocat and @github/security',
  'fixes #123, GH-1 and owner/repo#7',
  'line one\nline two\r\n| injected | row |',
  '[click](https://evil.example) ![img](https://evil.example/x.png)',
  '**bold** _em_ ~~strike~~ $x^2$',
  '&amp; &lt;b&gt; entities',
  'backslash \\| pipe \\',
  'www.evil.example and https://evil.example/path',
  '\u202eevil bidi override',
  '%%{init: {"theme": "dark"}}%% "] bar [99',
  `very long ${'x'.repeat(1000)}`,
]

export function evilReport(): RunReport {
  const verdicts: VerdictKind[] = ['slower', 'faster', 'same', 'inconclusive']
  const report = reportOf(
    EVIL_NAMES.map((key, i) => ({
      file: i === 0 ? 'src/<evil>|@admin #1.test.ts' : 'src/evil.test.ts',
      key,
      verdict: verdicts[i % verdicts.length]!,
      base: 1 + i,
      ratio: i % 4 === 0 ? 1.3 + i / 100 : i % 4 === 1 ? 0.7 : 1.01,
      budget: 100,
    })),
  )
  return { ...report, env: { ...ENV, cpu: 'Evil <b>CPU</b> @cpu-vendor | #9' } }
}

// mulberry32: a tiny seeded generator, enough for plausible fixture data.
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `n` measurements over many files, reproducible from `seed`: a fraction `changed` of them
 * slower and as many faster, 10% inconclusive, a few new and missing, the rest unchanged.
 */
export function largeReport(n: number, seed = 1, changed = 0.02): RunReport {
  const next = random(seed)
  const specs: Spec[] = []
  const cut = [changed, 2 * changed, 2 * changed + 0.1, 2 * changed + 0.13, 2 * changed + 0.15]
  for (let i = 0; i < n; i++) {
    const u = next()
    const verdict: VerdictKind =
      u < cut[0]!
        ? 'slower'
        : u < cut[1]!
          ? 'faster'
          : u < cut[2]!
            ? 'inconclusive'
            : u < cut[3]!
              ? 'new'
              : u < cut[4]!
                ? 'missing'
                : 'same'
    const ratio =
      verdict === 'slower' ? 1.1 + next() : verdict === 'faster' ? 0.5 + 0.4 * next() : 0.95 + 0.1 * next()
    specs.push({
      file: `src/module-${Math.floor(i / 25)}/feature-${i % 7}.test.ts`,
      key: `feature ${i % 7} > handles case ${i} with a reasonably descriptive test name`,
      verdict,
      base: 10 ** (4 * next() - 3),
      ratio: Number(ratio.toFixed(4)),
      detectable: 0.12,
      budget: 100,
    })
  }
  return reportOf(specs)
}
