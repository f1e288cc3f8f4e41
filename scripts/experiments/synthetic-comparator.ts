/**
 * Synthetic experiment: false-positive rate and power of the comparator under two-level noise
 * (between-process speed factor, then within-process samples of four shapes), and under a
 * speed factor that every measurement of a process shares (the machine's slow and fast
 * periods), and with a few measurements far noisier than the rest. Fixed seed, so the output is
 * reproducible. See docs/statistics.md, "Synthetic experiments", for the command.
 */
import type { CompareItem } from '../../src/compare/index.js'
import { compareRun, DEFAULT_COMPARE_POLICY } from '../../src/compare/index.js'
import { adjustPValues, createRng, rankSumTest } from '../../src/stats/index.js'
import type { Shape } from '../../test/unit/compare/synthetic.js'
import { SHAPES, simulateFamily } from '../../test/unit/compare/synthetic.js'

const SEED = 20240601
const FAMILIES = 1000
const FAMILY_SIZE = 20
const SAMPLES_PER_ROUND = 40
const EFFECTS = [0.05, 0.1, 0.2, 0.5, 1]
/** Power runs slow down this many measurements of each family (the first ones), not all. */
const CHANGED = 2
const DRIFTS = [0.8, 1, 1.3, 1.6]
const DESIGNS = [
  { name: '5 base rounds + 1 head', baseRounds: 5, headRounds: 1 },
  { name: '1 + 1 (no rounds: floor)', baseRounds: 1, headRounds: 1 },
  { name: '5 + 5 rounds', baseRounds: 5, headRounds: 5 },
] as const
interface Design {
  name: string
  baseRounds: number
  headRounds: number
}

interface CellResult {
  /** Share of families with at least one `slower` among the unchanged measurements. */
  anySlower: number
  /** Share of families with at least one `slower` or `faster` among the unchanged measurements. */
  anyChange: number
  /** Share of the changed measurements judged `slower` (power; with no change, of all). */
  slower: number
  /** Share of the unchanged measurements judged `slower`. */
  otherSlower: number
  /** The naive within-sample test: share of families with at least one `slower`. */
  naiveAnySlower: number
  /** The same three shares without the rank test's veto (policy `rankTest: false`), same data. */
  withoutRank: { anySlower: number; anyChange: number; slower: number }
}

const WITHOUT_RANK = { ...DEFAULT_COMPARE_POLICY, rankTest: false }
const WITHOUT_SHIFT = { ...DEFAULT_COMPARE_POLICY, runShift: false }

/** What a cell simulates beyond design, shape and noise. */
interface CellOptions {
  effect: number
  naive?: boolean
  sharedCv?: number
  headDrift?: number
  noisy?: { count: number; processCv: number }
  policy?: typeof DEFAULT_COMPARE_POLICY
}

// What a tool that trusts within-process samples would do: a rank-sum test on the pooled
// samples, Holm across the family, `slower` when significant and the ratio of medians > 1.1.
function naiveSlowerCount(items: readonly CompareItem[]): number {
  const tests = items.map((item) => rankSumTest(item.head!.samples, item.base!.samples))
  const adjusted = adjustPValues(
    tests.map((t) => t.p),
    'holm',
  )
  return items.filter(
    (item, i) => adjusted[i]! <= 0.01 && item.head!.summary.median / item.base!.summary.median > 1.1,
  ).length
}

function runCell(seed: number, design: Design, shape: Shape, processCv: number, options: CellOptions) {
  const rng = createRng(seed)
  const changed = options.effect === 0 ? 0 : CHANGED
  const policy = options.policy ?? DEFAULT_COMPARE_POLICY
  let anySlower = 0
  let anyChange = 0
  let slower = 0
  let otherSlower = 0
  let naiveAnySlower = 0
  const without = { anySlower: 0, anyChange: 0, slower: 0 }
  // Flags among the unchanged measurements, and `slower` among the changed ones.
  const tally = (verdicts: readonly string[]) => {
    const others = verdicts.slice(changed)
    const targets = changed === 0 ? verdicts : verdicts.slice(0, changed)
    return {
      targetSlower: targets.filter((v) => v === 'slower').length,
      otherSlower: others.filter((v) => v === 'slower').length,
      otherChange: others.filter((v) => v === 'slower' || v === 'faster').length,
    }
  }
  for (let f = 0; f < FAMILIES; f++) {
    const items = simulateFamily(rng, {
      size: FAMILY_SIZE,
      ratio: 1 + options.effect,
      shape,
      processCv,
      baseRounds: design.baseRounds,
      headRounds: design.headRounds,
      samplesPerRound: SAMPLES_PER_ROUND,
      changed,
      headDrift: options.headDrift ?? 1,
      sharedCv: options.sharedCv ?? 0,
      ...(options.noisy ? { noisy: options.noisy } : {}),
    })
    const here = tally(compareRun(items, policy).map((c) => c.verdict))
    slower += here.targetSlower
    otherSlower += here.otherSlower
    if (here.otherSlower > 0) anySlower++
    if (here.otherChange > 0) anyChange++
    if (options.naive && naiveSlowerCount(items) > 0) naiveAnySlower++
    if (options.policy === undefined) {
      const plain = tally(compareRun(items, WITHOUT_RANK).map((c) => c.verdict))
      without.slower += plain.targetSlower
      if (plain.otherSlower > 0) without.anySlower++
      if (plain.otherChange > 0) without.anyChange++
    }
  }
  const targets = FAMILIES * (changed === 0 ? FAMILY_SIZE : changed)
  return {
    anySlower: anySlower / FAMILIES,
    anyChange: anyChange / FAMILIES,
    slower: slower / targets,
    otherSlower: otherSlower / (FAMILIES * (FAMILY_SIZE - changed)),
    naiveAnySlower: naiveAnySlower / FAMILIES,
    withoutRank: {
      anySlower: without.anySlower / FAMILIES,
      anyChange: without.anyChange / FAMILIES,
      slower: without.slower / targets,
    },
  } satisfies CellResult
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6)
const row = (cells: string[], widths: number[]) =>
  `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`
  return [row(header, widths), rule, ...rows.map((r) => row(r, widths))].join('\n')
}

let cellSeed = SEED
const started = performance.now()
console.log(
  `perfgate synthetic comparator experiment — seed ${SEED}, ${FAMILIES} families of ${FAMILY_SIZE} measurements per cell,`,
)
console.log(
  `${SAMPLES_PER_ROUND} samples per process, statistic: median, policy: alpha ${DEFAULT_COMPARE_POLICY.alpha} (Holm), threshold ${DEFAULT_COMPARE_POLICY.threshold}, noise floor ${DEFAULT_COMPARE_POLICY.noiseFloor}`,
)

console.log(
  '\nTable 1 — false positives with no change (effect 0): share of families (runs of 20) with any `slower`;',
)
console.log('in brackets, the naive within-sample rank-sum test on the same data.\n')
const fprRows: string[][] = []
let worstTwoSided = 0
let worstTwoSidedWithout = 0
let falseSlower = 0
let falseSlowerWithout = 0
for (const design of DESIGNS) {
  for (const cv of [0.02, 0.1, 0.25]) {
    const cells = SHAPES.map((shape) => {
      const r = runCell(cellSeed++, design, shape, cv, { effect: 0, naive: true })
      if (design.baseRounds > 1 || cv <= DEFAULT_COMPARE_POLICY.noiseFloor) {
        worstTwoSided = Math.max(worstTwoSided, r.anyChange)
        worstTwoSidedWithout = Math.max(worstTwoSidedWithout, r.withoutRank.anyChange)
      }
      falseSlower += r.slower * FAMILIES * FAMILY_SIZE
      falseSlowerWithout += r.withoutRank.slower * FAMILIES * FAMILY_SIZE
      return `${pct(r.anySlower)} (${pct(r.naiveAnySlower).trim()})`
    })
    fprRows.push([design.name, `${cv * 100}%`, ...cells])
  }
}
console.log(table(['design', 'process CV', ...SHAPES], fprRows))
console.log(
  `\nWorst share of families with any \`slower\` or \`faster\`, over the cells whose noise is estimated or not above the floor: ${pct(worstTwoSided).trim()} (without the rank test: ${pct(worstTwoSidedWithout).trim()})`,
)
console.log(
  `False \`slower\` verdicts over all ${DESIGNS.length * 3 * SHAPES.length * FAMILIES * FAMILY_SIZE} comparisons of table 1: ${Math.round(falseSlower)} with the rank test, ${Math.round(falseSlowerWithout)} without.`,
)

console.log(
  '\nTable 2 — false flags when the machine drifts: every process of a run shares a speed factor (CV 10%),',
)
console.log(
  'and the current run is measured in a session that is slower or faster as a whole (drift); no code changed.',
)
console.log(
  'Share of families with any `slower` / any `faster`; process CV 5%, lognormal samples. In brackets: without',
)
console.log('the run shift (policy `runShift: false`: every change judged against the baseline alone).\n')
const driftRows: string[][] = []
for (const design of DESIGNS.filter((d) => d.baseRounds > 1)) {
  for (const drift of DRIFTS) {
    const cell = (policy: typeof DEFAULT_COMPARE_POLICY) => {
      const options = { effect: 0, sharedCv: 0.1, headDrift: drift, policy }
      const slowerOnly = runCell(cellSeed, design, 'lognormal', 0.05, options)
      return { slower: slowerOnly.anySlower, change: slowerOnly.anyChange }
    }
    const shipped = cell(DEFAULT_COMPARE_POLICY)
    const plain = cell(WITHOUT_SHIFT)
    cellSeed++
    driftRows.push([
      design.name,
      `×${drift}`,
      `${pct(shipped.slower)} (${pct(plain.slower).trim()})`,
      `${pct(shipped.change)} (${pct(plain.change).trim()})`,
    ])
  }
}
console.log(table(['design', 'drift', 'any slower', 'any slower or faster'], driftRows))

// Power with the rank test minus power without it, on the same simulated data (table 6).
const rankCost: string[][] = []

for (const cv of [0.1, 0.02, 0.25]) {
  const shapes: readonly Shape[] = cv === 0.1 ? SHAPES : ['lognormal']
  console.log(
    `\nTable ${cv === 0.1 ? 3 : cv === 0.02 ? 4 : 5} — power at process CV ${cv * 100}%: share of the ${CHANGED} slowed measurements of each family`,
  )
  console.log(
    'judged `slower`, for a true slowdown of 5% (below the 10% threshold: a flag here is a real but sub-threshold',
  )
  console.log(
    `change), 10%, 20%, 50%, 100%; last column: the ${FAMILY_SIZE - CHANGED} others judged \`slower\`, over all effects.\n`,
  )
  const rows: string[][] = []
  for (const design of DESIGNS) {
    for (const shape of shapes) {
      const results = EFFECTS.map((effect) => runCell(cellSeed++, design, shape, cv, { effect }))
      const others = results.reduce((sum, r) => sum + r.otherSlower, 0) / results.length
      rows.push([design.name, shape, ...results.map((r) => pct(r.slower)), pct(others)])
      const points = (r: CellResult) =>
        (100 * (r.slower - r.withoutRank.slower)).toFixed(2).replace(/^-0\.00$/, '0.00')
      rankCost.push([design.name, shape, `${cv * 100}%`, ...results.map(points)])
    }
  }
  console.log(table(['design', 'shape', ...EFFECTS.map((e) => `+${e * 100}%`), 'others'], rows))
}

console.log(
  '\nTable 6 — what the rank test costs: power with it minus power without it (percentage points), on the',
)
console.log('same simulated data as tables 3–5 (0.00: the veto changed no verdict of the cell).\n')
console.log(table(['design', 'shape', 'process CV', ...EFFECTS.map((e) => `+${e * 100}%`)], rankCost))

console.log(
  `\nTable 7 — power in a slow session: as table 2 at drift ×1.3 (shared CV 10%, process CV 5%, lognormal), with ${CHANGED}`,
)
console.log(
  'measurements slowed; share of them judged `slower`, and of the others judged `slower`. In brackets: without the run shift.\n',
)
const slowRows: string[][] = []
for (const design of DESIGNS.filter((d) => d.baseRounds > 1)) {
  const cells = EFFECTS.map((effect) => {
    const options = { effect, sharedCv: 0.1, headDrift: 1.3 }
    const shipped = runCell(cellSeed, design, 'lognormal', 0.05, {
      ...options,
      policy: DEFAULT_COMPARE_POLICY,
    })
    const plain = runCell(cellSeed, design, 'lognormal', 0.05, { ...options, policy: WITHOUT_SHIFT })
    cellSeed++
    return { shipped, plain }
  })
  const others = (pick: 'shipped' | 'plain') =>
    pct(cells.reduce((sum, c) => sum + c[pick].otherSlower, 0) / cells.length).trim()
  slowRows.push([
    design.name,
    ...cells.map((c) => `${pct(c.shipped.slower).trim()} (${pct(c.plain.slower).trim()})`),
    `${others('shipped')} (${others('plain')})`,
  ])
}
console.log(table(['design', ...EFFECTS.map((e) => `+${e * 100}%`), 'others'], slowRows))

const NOISY_CV = 0.3
/** Table 9: measurements only somewhat noisier than the steady ones, which rounds tell apart less easily. */
const MIDDLING_CV = 0.12
const STEADY_CV = 0.03
const POWER_EFFECTS = [0.2, 0.5, 1]
const PRIORS = [
  ['mixture', { ...DEFAULT_COMPARE_POLICY, noisePrior: 'mixture' as const }],
  ['single', { ...DEFAULT_COMPARE_POLICY, noisePrior: 'single' as const }],
] as const

/** Tables 8 and 9: k of 20 measurements at `noisyCv`, the rest at STEADY_CV, both priors. */
function noisierTable(title: string, noisyCv: number, counts: readonly number[]): void {
  console.log(
    `\n${title} — a few far noisier measurements: the last k of each family vary by ${noisyCv * 100}% between processes, the`,
  )
  console.log(
    `others by ${STEADY_CV * 100}% (5 or 10 base rounds + 1 head, normal samples), judged with each noise prior. With no change: share of`,
  )
  console.log(
    `families with any \`slower\` / any flag; then the share of the ${CHANGED} slowed (steady) measurements judged \`slower\`, and of the`,
  )
  console.log('others. The default prior is `single`.\n')
  const rows: string[][] = []
  for (const baseRounds of [5, 10]) {
    const design: Design = { name: `${baseRounds} base rounds + 1 head`, baseRounds, headRounds: 1 }
    for (const count of counts) {
      const noisy = { count, processCv: noisyCv }
      // The same seeds for both priors: the same simulated families, judged twice.
      const seeds = { none: cellSeed++, cells: POWER_EFFECTS.map(() => cellSeed++) }
      for (const [prior, policy] of PRIORS) {
        const none = runCell(seeds.none, design, 'normal', STEADY_CV, { effect: 0, noisy, policy })
        const cells = POWER_EFFECTS.map((effect, i) =>
          runCell(seeds.cells[i]!, design, 'normal', STEADY_CV, { effect, noisy, policy }),
        )
        rows.push([
          String(baseRounds),
          String(count),
          prior,
          `${pct(none.anySlower).trim()} / ${pct(none.anyChange).trim()}`,
          ...cells.map((c) => pct(c.slower).trim()),
          pct(cells.reduce((sum, c) => sum + c.otherSlower, 0) / cells.length).trim(),
        ])
      }
    }
  }
  console.log(
    table(
      [
        'base rounds',
        'noisy (k of 20)',
        'noise prior',
        'no change: any slower / any flag',
        ...POWER_EFFECTS.map((e) => `+${e * 100}%`),
        'others',
      ],
      rows,
    ),
  )
}

noisierTable('Table 8', NOISY_CV, [0, 2, 6, 10])
noisierTable('Table 9', MIDDLING_CV, [2, 6])

console.log(`\nTotal time ${((performance.now() - started) / 1000).toFixed(0)} s`)
