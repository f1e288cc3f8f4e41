import type { Summary } from '../types.js'
import type { Scale } from './scale.js'
import type { CompareItem, DetailedComparison, NoiseEstimate } from './types.js'
import type { Decision } from './verdict.js'

type Identity = Pick<CompareItem, 'key' | 'file' | 'name' | 'metric' | 'unit' | 'stat'>

const identity = (item: CompareItem): Identity => ({
  key: item.key,
  file: item.file,
  name: item.name,
  metric: item.metric,
  unit: item.unit,
  stat: item.stat,
})

/** A measurement only the baseline has. */
export function missingComparison(item: CompareItem, base: Summary): DetailedComparison {
  return { verdict: 'missing', ...identity(item), base }
}

/** A measurement only the current run has. */
export function newComparison(item: CompareItem, head: Summary): DetailedComparison {
  return { verdict: 'new', ...identity(item), head }
}

/**
 * Sides that cannot be compared (NaN, Infinity, no samples, non-positive times): `inconclusive`
 * with the reason, NaN estimates (no number would be honest) and p-values of NaN, kept out of
 * the run's multiple-comparison family.
 */
export function invalidComparison(
  item: CompareItem,
  sides: { base: Summary; head: Summary },
  threshold: number,
  reason: string,
): DetailedComparison {
  return {
    verdict: 'inconclusive',
    ...identity(item),
    ...sides,
    change: { ratio: Number.NaN, low: Number.NaN, high: Number.NaN, level: Number.NaN },
    p: Number.NaN,
    pAdjusted: Number.NaN,
    threshold,
    reason,
  }
}

/** What a compared measurement's result is built from. */
export interface ComparedParts {
  item: CompareItem
  base: Summary
  head: Summary
  baseValue: number
  threshold: number
  scale: Scale
  d: number
  decision: Decision
  level: number
  p: number
  pAdjusted: number
  noise: NoiseEstimate
  /** The rank test's result (time only), in the form a comparison reports it. */
  rank?: { p: number; pAdjusted: number; ratio: number; required: boolean }
}

const number = (x: number) => (x < 1e-3 ? x.toExponential(1) : x.toPrecision(2))

// Shown instead of the detectable change: the interval is clear of the band, so the reader needs
// to know why the verdict is not `slower` or `faster`.
function vetoReason(parts: ComparedParts): string {
  const rank = parts.rank!
  return (
    `the ${parts.item.stat} moved (${parts.scale.ratio(parts.d, parts.baseValue).toPrecision(3)}×) but the samples ` +
    `as a whole did not (rank test p = ${number(rank.pAdjusted)} after correction, ` +
    `Hodges–Lehmann ${rank.ratio.toPrecision(3)}×): outliers or a change between modes?`
  )
}

/** The result of a statistical comparison; memory results also carry the difference in MB. */
export function comparedComparison(parts: ComparedParts): DetailedComparison {
  const { item, scale, baseValue, decision, d, level } = parts
  const detectable =
    decision.detectable === undefined ? {} : { detectable: scale.relative(decision.detectable, baseValue) }
  const difference =
    item.metric === 'memory'
      ? { difference: { difference: d, low: decision.low, high: decision.high, level } }
      : {}
  return {
    verdict: decision.verdict,
    ...identity(item),
    base: parts.base,
    head: parts.head,
    change: {
      ratio: scale.ratio(d, baseValue),
      low: scale.ratio(decision.low, baseValue),
      high: scale.ratio(decision.high, baseValue),
      level,
    },
    p: parts.p,
    pAdjusted: parts.pAdjusted,
    threshold: parts.threshold,
    ...detectable,
    ...(decision.vetoed ? { reason: vetoReason(parts) } : decision.reason ? { reason: decision.reason } : {}),
    ...(decision.leans ? { leans: decision.leans } : {}),
    noise: parts.noise,
    ...difference,
    ...(parts.rank ? { rank: parts.rank } : {}),
  }
}
