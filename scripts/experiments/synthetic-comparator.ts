/**
 * Synthetic experiment: false-positive rate and power of the comparator under two-level noise
 * (between-process speed factor, then within-process samples of four shapes). Fixed seed, so the
 * output is reproducible. See docs/statistics.md, "Synthetic experiments", for the command.
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
const DESIGNS = [
  { name: '5 base rounds + 1 head', baseRounds: 5, headRounds: 1 },
  { name: '1 + 1 (no rounds: floor)', baseRounds: 1, headRounds: 1 },
  { name: '5 + 5 rounds', baseRounds: 5, headRounds: 5 },
] as const
type Design = (typeof DESIGNS)[number]

interface CellResult {
  /** Share of families with at least one `slower`. */
  anySlower: number
  /** Share of families with at least one `slower` or `faster`. */
  anyChange: number
  /** Share of comparisons with each verdict. */
  slower: number
  same: number
  /** The naive within-sample test: share of families with at least one `slower`. */
  naiveAnySlower: number
  /** The same three shares without the rank test's veto (policy `rankTest: false`), same data. */
  withoutRank: { anySlower: number; anyChange: number; slower: number }
}

const WITHOUT_RANK = { ...DEFAULT_COMPARE_POLICY, rankTest: false }

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

function runCell(
  seed: number,
  design: Design,
  shape: Shape,
  processCv: number,
  effect: number,
  naive: boolean,
) {
  const rng = createRng(seed)
  let anySlower = 0
  let anyChange = 0
  let slower = 0
  let same = 0
  let naiveAnySlower = 0
  const without = { anySlower: 0, anyChange: 0, slower: 0 }
  for (let f = 0; f < FAMILIES; f++) {
    const items = simulateFamily(rng, {
      size: FAMILY_SIZE,
      ratio: 1 + effect,
      shape,
      processCv,
      baseRounds: design.baseRounds,
      headRounds: design.headRounds,
      samplesPerRound: SAMPLES_PER_ROUND,
    })
    const verdicts = compareRun(items, DEFAULT_COMPARE_POLICY).map((c) => c.verdict)
    const slowerHere = verdicts.filter((v) => v === 'slower').length
    slower += slowerHere
    same += verdicts.filter((v) => v === 'same').length
    if (slowerHere > 0) anySlower++
    if (verdicts.some((v) => v === 'slower' || v === 'faster')) anyChange++
    if (naive && naiveSlowerCount(items) > 0) naiveAnySlower++
    const plain = compareRun(items, WITHOUT_RANK).map((c) => c.verdict)
    const plainSlower = plain.filter((v) => v === 'slower').length
    without.slower += plainSlower
    if (plainSlower > 0) without.anySlower++
    if (plain.some((v) => v === 'slower' || v === 'faster')) without.anyChange++
  }
  const comparisons = FAMILIES * FAMILY_SIZE
  return {
    anySlower: anySlower / FAMILIES,
    anyChange: anyChange / FAMILIES,
    slower: slower / comparisons,
    same: same / comparisons,
    naiveAnySlower: naiveAnySlower / FAMILIES,
    withoutRank: {
      anySlower: without.anySlower / FAMILIES,
      anyChange: without.anyChange / FAMILIES,
      slower: without.slower / comparisons,
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
      const r = runCell(cellSeed++, design, shape, cv, 0, true)
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

// Power with the rank test minus power without it, on the same simulated data (table 5).
const rankCost: string[][] = []

for (const cv of [0.1, 0.02, 0.25]) {
  const shapes: readonly Shape[] = cv === 0.1 ? SHAPES : ['lognormal']
  console.log(
    `\nTable ${cv === 0.1 ? 2 : cv === 0.02 ? 3 : 4} — power at process CV ${cv * 100}%: share of comparisons judged \`slower\` for a true slowdown of`,
  )
  console.log(
    '5% (below the 10% threshold: a flag here is a real but sub-threshold change), 10%, 20%, 50%, 100%.\n',
  )
  const rows: string[][] = []
  for (const design of DESIGNS) {
    for (const shape of shapes) {
      const results = EFFECTS.map((effect) => runCell(cellSeed++, design, shape, cv, effect, false))
      rows.push([design.name, shape, ...results.map((r) => pct(r.slower))])
      const points = (r: CellResult) =>
        (100 * (r.slower - r.withoutRank.slower)).toFixed(2).replace(/^-0\.00$/, '0.00')
      rankCost.push([design.name, shape, `${cv * 100}%`, ...results.map(points)])
    }
  }
  console.log(table(['design', 'shape', ...EFFECTS.map((e) => `+${e * 100}%`)], rows))
}

console.log(
  '\nTable 5 — what the rank test costs: power with it minus power without it (percentage points), on the',
)
console.log('same simulated data as tables 2–4 (0.0: the veto changed no verdict of the cell).\n')
console.log(table(['design', 'shape', 'process CV', ...EFFECTS.map((e) => `+${e * 100}%`)], rankCost))

console.log(`\nTotal time ${((performance.now() - started) / 1000).toFixed(0)} s`)
