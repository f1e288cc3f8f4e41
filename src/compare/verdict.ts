import { tQuantile } from '../stats/index.js'
import type { Lean } from '../types.js'
import type { ChangeEstimate } from './estimate.js'
import { halfWidth } from './estimate.js'

/** Power at which `detectable` is computed: the usual 80%. */
export const DETECTION_POWER = 0.8

/** What {@link decide} needs beyond the estimate. */
export interface DecisionInput {
  /** Half-width of the practical band on the comparison scale (ln(1 + threshold) for time). */
  band: number
  /** Whether the change is significant after the run-wide correction. */
  significant: boolean
  /**
   * Whether it is significant on its own, at α before the correction (default false): what
   * makes a change beyond the band that is not significant after it lean one way.
   */
  nominal?: boolean
  /** Per-comparison error rate of the confidence interval (α/m under Holm). */
  intervalAlpha: number
  /**
   * Whether the samples as a whole moved the same way, significantly after correction (the rank
   * test); undefined where the rank test is not required.
   */
  rankAgrees?: boolean
  /** Student t quantile function; the comparator passes one that remembers its answers. */
  quantile?: (p: number, df: number) => number
}

/** A verdict with its interval on the comparison scale. */
export interface Decision {
  verdict: 'faster' | 'same' | 'slower' | 'inconclusive'
  low: number
  high: number
  /** For `inconclusive`: smallest change (on the scale) detectable with 80% power. */
  detectable?: number
  /** The statistic's test said `slower` or `faster` but the rank test did not agree. */
  vetoed?: boolean
  /** Why a clear change relative to the run is still `inconclusive` (see {@link withRunShift}). */
  reason?: string
  /**
   * For `inconclusive`: the estimate lies beyond the band and is significant on its own, not
   * after the correction — the verdict it would have had with the evidence of one more process.
   */
  leans?: Lean
}

/**
 * The verdict. `slower` needs significance after correction and a point estimate beyond the
 * band — and, where required, the rank test's agreement; `faster` likewise below it. `same` when
 * the interval lies inside the band (equivalence) or when the change is significant but its
 * estimate is inside the band (real but negligible). Anything else is `inconclusive`, with the
 * change these data could have detected, and the way it leans when its estimate is beyond the
 * band and significant before the correction.
 */
export function decide(estimate: ChangeEstimate, input: DecisionInput): Decision {
  const { d, se, df } = estimate
  const { band, significant, nominal = false, intervalAlpha, rankAgrees, quantile = tQuantile } = input
  const width = halfWidth(estimate, intervalAlpha, quantile)
  const low = d - width
  const high = d + width
  const beyond = significant && Math.abs(d) > band
  if (beyond && rankAgrees !== false) return { verdict: d > 0 ? 'slower' : 'faster', low, high }
  if (!beyond && (significant || (low >= -band && high <= band))) return { verdict: 'same', low, high }
  const detectable = se === 0 ? 0 : width + quantile(DETECTION_POWER, df) * se
  const leans = !significant && nominal && Math.abs(d) > band
  return {
    verdict: 'inconclusive',
    low,
    high,
    detectable,
    ...(beyond ? { vetoed: true } : {}),
    ...(leans ? { leans: d > 0 ? ('slower' as const) : ('faster' as const) } : {}),
  }
}

const times = (d: number) => `${Math.exp(d).toPrecision(3)}×`

/** What {@link withRunShift} needs besides the relative verdict. */
export interface RunShiftInput {
  /** The change against the baseline (scale units). */
  d: number
  /** The run's common shift (scale units). */
  shift: number
  band: number
  /** Whether the shift itself is beyond the machine's drift (its own test). */
  shiftSignificant: boolean
  /**
   * Shifts the rounds showed the machine making (scale units, see `seenShifts`); the part of
   * the run's shift inside them is the machine's. Absent: none.
   */
  seen?: { low: number; high: number }
}

/**
 * Turns a verdict on the change relative to the run's common shift (time) into the verdict on
 * the change against the baseline. The interval moves by the shift. `slower` and `faster` also
 * need the change against the baseline beyond the band — a test that stayed put while the rest
 * of the run got faster did not get slower — where the baseline stands in the machine state the
 * run was measured in: the part of the shift that the rounds showed the machine making (`seen`)
 * is the machine's, so a measurement 1.2× slower than the rest of a run that sits in a fast
 * state its baseline's rounds also ran in is 1.2× slower than the baseline in that state.
 *
 * A leaning `inconclusive` keeps its leaning only where the change against the baseline is
 * beyond the band that way too, as `slower` and `faster` need.
 *
 * A measurement that moved with the run takes the run's verdict when the shift is beyond the
 * machine's drift and the band; `same` needs the run and the change against the baseline inside
 * the band; otherwise it cannot be told apart from a slower or faster machine, so it is
 * `inconclusive`, and says so.
 */
export function withRunShift(relative: Decision, change: RunShiftInput): Decision {
  const { d, shift, band, shiftSignificant, seen } = change
  const low = relative.low + shift
  const high = relative.high + shift
  const moved: Decision = { ...relative, low, high }
  const machine = seen ? Math.min(Math.max(shift, seen.low), seen.high) : 0
  const against = d - machine
  const beyondWay = (way: Lean) => (way === 'slower' ? against > band : against < -band)
  switch (relative.verdict) {
    case 'inconclusive': {
      if (!relative.leans || beyondWay(relative.leans)) return moved
      const { leans: _, ...unleaning } = moved
      return unleaning
    }
    case 'slower':
    case 'faster': {
      if (beyondWay(relative.verdict)) return moved
      return {
        verdict: 'inconclusive',
        low,
        high,
        reason:
          `${relative.verdict} than the rest of the run (${times(d - shift)}), but within the threshold ` +
          `against the baseline (${times(d)}): the whole run moved ${times(shift)}`,
      }
    }
    case 'same':
      if (Math.abs(shift) <= band && Math.abs(d) <= band) return moved
      if (shiftSignificant && Math.abs(d) > band && Math.sign(d) === Math.sign(shift))
        return { ...moved, verdict: shift > 0 ? 'slower' : 'faster' }
      return {
        verdict: 'inconclusive',
        low,
        high,
        reason:
          Math.abs(shift) > band
            ? `moved with the whole run (${times(shift)}), which a ${shift > 0 ? 'slower' : 'faster'} machine does too`
            : `in step with the rest of the run, but ${times(d)} against the baseline: the whole run moved ${times(shift)}`,
      }
  }
}
