/**
 * Synthetic experiment: false-positive rate and power of the comparator under two-level noise
 * (between-process speed factor, then within-process samples of four shapes), with known truth.
 * Fixed seed, so the output is reproducible. Command and recorded output: docs/statistics.md,
 * "Synthetic experiments".
 */
import type { CompareItem, ComparePolicy } from '../../src/compare/index.js'
import { compareRun, DEFAULT_COMPARE_POLICY } from '../../src/compare/index.js'
import { adjustPValues, createRng, rankSumTest } from '../../src/stats/index.js'
import type { Shape } from '../../test/unit/compare/synthetic.js'
import { SHAPES, simulateFamily } from '../../test/unit/compare/synthetic.js'

const SEED = 20240601
const FAMILIES = 1000
const FAMILY_SIZE = 20
/** Measurements of a family that truly change in the power cells (the others stay unchanged). */
const CHANGED = 4
const SAMPLES_PER_ROUND = 40
const EFFECTS = [0.05, 0.1, 0.2, 0.5, 1]
const DESIGNS = [
  { name: '5 base rounds + 1 head', baseRounds: 5, headRounds: 1 },
  { name: '1 + 1 (no rounds: floor)', baseRounds: 1, headRounds: 1 },
  { name: '5 + 5 rounds', baseRounds: 5, headRounds: 5 },
] as const
type Design = (typeof DESIGNS)[number]

/** The default policy and the two variants that switch off one necessary condition each. */
const POLICIES = {
  default: DEFAULT_COMPARE_POLICY,
  noRank: { ...DEFAULT_COMPARE_POLICY, rankTest: false },
  noRunShift: { ...DEFAULT_COMPARE_POLICY, runShift: false },
} satisfies Record<string, ComparePolicy>
type Variant = keyof typeof POLICIES

/** What one policy did over the families of a cell. */
interface Tally {
  /** Families with at least one `slower` among the unchanged measurements. */
  falseSlowerFamilies: number
  /** Families with at least one `slower` or `faster` among the unchanged measurements. */
  falseChangeFamilies: number
  /** `slower` verdicts among the unchanged measurements. */
  falseSlower: number
  /** `slower` verdicts among the changed measurements. */
  trueSlower: number
}

const emptyTally = (): Tally => ({
  falseSlowerFamilies: 0,
  falseChangeFamilies: 0,
  falseSlower: 0,
  trueSlower: 0,
})

interface CellResult {
  tallies: Record<Variant, Tally>
  /** The naive within-sample test: families with at least one `slower`. */
  naiveFalseSlowerFamilies: number
  changedComparisons: number
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

interface CellSpec {
  design: Design
  shape: Shape
  processCv: number
  effect: number
  /** The whole current run moved by this factor (drift between sessions); default 1. */
  drift?: number
  naive?: boolean
}

function runCell(seed: number, spec: CellSpec): CellResult {
  const rng = createRng(seed)
  const changed = spec.effect === 0 ? 0 : CHANGED
  const tallies = { default: emptyTally(), noRank: emptyTally(), noRunShift: emptyTally() }
  let naiveFalseSlowerFamilies = 0
  for (let f = 0; f < FAMILIES; f++) {
    const items = simulateFamily(rng, {
      size: FAMILY_SIZE,
      changed,
      ratio: 1 + spec.effect,
      drift: spec.drift ?? 1,
      shape: spec.shape,
      processCv: spec.processCv,
      baseRounds: spec.design.baseRounds,
      headRounds: spec.design.headRounds,
      samplesPerRound: SAMPLES_PER_ROUND,
    })
    for (const variant of Object.keys(POLICIES) as Variant[]) {
      const verdicts = compareRun(items, POLICIES[variant]).map((c) => c.verdict)
      const unchanged = verdicts.slice(changed)
      const tally = tallies[variant]
      const falseSlower = unchanged.filter((v) => v === 'slower').length
      tally.falseSlower += falseSlower
      tally.trueSlower += verdicts.slice(0, changed).filter((v) => v === 'slower').length
      if (falseSlower > 0) tally.falseSlowerFamilies++
      if (unchanged.some((v) => v === 'slower' || v === 'faster')) tally.falseChangeFamilies++
    }
    if (spec.naive && naiveSlowerCount(items) > 0) naiveFalseSlowerFamilies++
  }
  return { tallies, naiveFalseSlowerFamilies, changedComparisons: FAMILIES * changed }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6)
const points = (x: number) => (100 * x).toFixed(2).replace(/^-0\.00$/, '0.00')
const row = (cells: string[], widths: number[]) =>
  `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`
  return [row(header, widths), rule, ...rows.map((r) => row(r, widths))].join('\n')
}
const power = (r: CellResult, variant: Variant) => r.tallies[variant].trueSlower / r.changedComparisons

let cellSeed = SEED
const started = performance.now()
console.log(
  `perfgate synthetic comparator experiment — seed ${SEED}, ${FAMILIES} families of ${FAMILY_SIZE} measurements per cell,`,
)
console.log(
  `${SAMPLES_PER_ROUND} samples per process, statistic: median, policy: alpha ${DEFAULT_COMPARE_POLICY.alpha} (Holm), threshold ${DEFAULT_COMPARE_POLICY.threshold}, noise floor ${DEFAULT_COMPARE_POLICY.noiseFloor}`,
)

console.log('\nTable 1 — false positives with no change: share of families (runs of 20) with any `slower`;')
console.log('in brackets, the naive within-sample rank-sum test on the same data.\n')
const fprRows: string[][] = []
let worstTwoSided = 0
const falseSlower = { default: 0, noRank: 0, noRunShift: 0 }
for (const design of DESIGNS) {
  for (const cv of [0.02, 0.1, 0.25]) {
    const cells = SHAPES.map((shape) => {
      const r = runCell(cellSeed++, { design, shape, processCv: cv, effect: 0, naive: true })
      const d = r.tallies.default
      if (design.baseRounds > 1 || cv <= DEFAULT_COMPARE_POLICY.noiseFloor)
        worstTwoSided = Math.max(worstTwoSided, d.falseChangeFamilies / FAMILIES)
      for (const variant of Object.keys(POLICIES) as Variant[])
        falseSlower[variant] += r.tallies[variant].falseSlower
      return `${pct(d.falseSlowerFamilies / FAMILIES)} (${pct(r.naiveFalseSlowerFamilies / FAMILIES).trim()})`
    })
    fprRows.push([design.name, `${cv * 100}%`, ...cells])
  }
}
console.log(table(['design', 'process CV', ...SHAPES], fprRows))
console.log(
  `\nWorst share of families with any \`slower\` or \`faster\`, over the cells whose noise is estimated or not above the floor: ${pct(worstTwoSided).trim()}`,
)
console.log(
  `False \`slower\` verdicts over all ${DESIGNS.length * 3 * SHAPES.length * FAMILIES * FAMILY_SIZE} comparisons of table 1: ` +
    `${falseSlower.default} (without the rank test ${falseSlower.noRank}, without the run-shift check ${falseSlower.noRunShift}).`,
)

// Power with each condition minus power without it, on the same simulated data (table 5).
const costRows: string[][] = []
for (const cv of [0.1, 0.02, 0.25]) {
  const shapes: readonly Shape[] = cv === 0.1 ? SHAPES : ['lognormal']
  console.log(
    `\nTable ${cv === 0.1 ? 2 : cv === 0.02 ? 3 : 4} — power at process CV ${cv * 100}%: share of the ${CHANGED} changed measurements of each family of ${FAMILY_SIZE}`,
  )
  console.log(
    'judged `slower`, for a true slowdown of 5% (below the 10% threshold: a flag here is a real but sub-threshold',
  )
  console.log(
    'change), 10%, 20%, 50%, 100%; last column: `slower` among the unchanged measurements of all those runs.\n',
  )
  const rows: string[][] = []
  for (const design of DESIGNS) {
    for (const shape of shapes) {
      const results = EFFECTS.map((effect) => runCell(cellSeed++, { design, shape, processCv: cv, effect }))
      const falseHere = results.reduce((sum, r) => sum + r.tallies.default.falseSlower, 0)
      const unchanged = results.length * FAMILIES * (FAMILY_SIZE - CHANGED)
      rows.push([
        design.name,
        shape,
        ...results.map((r) => pct(power(r, 'default'))),
        `${falseHere}/${unchanged}`,
      ])
      costRows.push([
        design.name,
        shape,
        `${cv * 100}%`,
        ...results.map(
          (r) =>
            `${points(power(r, 'default') - power(r, 'noRank'))} / ${points(power(r, 'default') - power(r, 'noRunShift'))}`,
        ),
      ])
    }
  }
  console.log(table(['design', 'shape', ...EFFECTS.map((e) => `+${e * 100}%`), 'false slower'], rows))
}

console.log(
  '\nTable 5 — what the two necessary conditions cost: power with the condition minus power without it,',
)
console.log(
  'in percentage points, rank test / run-shift check, on the same simulated data as tables 2–4 (0.00: no verdict changed).\n',
)
console.log(table(['design', 'shape', 'process CV', ...EFFECTS.map((e) => `+${e * 100}%`)], costRows))

console.log(
  '\nTable 6 — drift between sessions: every measurement of the current run moved by the same factor (the',
)
console.log(
  'environment, not the code). Share of families with any false `slower`, with the run-shift check (without it);',
)
console.log(
  `last column: power for ${CHANGED} measurements slowed 2× on top of a 20% drift, with (without).\n`,
)
const driftRows: string[][] = []
for (const design of [DESIGNS[0], DESIGNS[2]]) {
  for (const cv of [0.02, 0.1]) {
    const cells = [1.1, 1.2, 1.3].map((drift) => {
      const r = runCell(cellSeed++, { design, shape: 'lognormal', processCv: cv, effect: 0, drift })
      return `${pct(r.tallies.default.falseSlowerFamilies / FAMILIES)} (${pct(r.tallies.noRunShift.falseSlowerFamilies / FAMILIES).trim()})`
    })
    const r = runCell(cellSeed++, { design, shape: 'lognormal', processCv: cv, effect: 1, drift: 1.2 })
    driftRows.push([
      design.name,
      `${cv * 100}%`,
      ...cells,
      `${pct(power(r, 'default'))} (${pct(power(r, 'noRunShift')).trim()})`,
    ])
  }
}
console.log(table(['design', 'process CV', 'drift +10%', '+20%', '+30%', '2× on +20% drift'], driftRows))

console.log(`\nTotal time ${((performance.now() - started) / 1000).toFixed(0)} s`)
