import type { Comparison } from '../../types.js'
import { escapeMermaidLabel } from '../escape.js'

/** Bars on the chart: enough to see the shape of a change, few enough to stay legible. */
export const CHART_BARS = 10

type Changed = Extract<Comparison, { change: unknown }>

function largestChanges(comparisons: readonly Comparison[]): Changed[] {
  const changed = comparisons.filter(
    (c): c is Changed =>
      (c.verdict === 'slower' || c.verdict === 'faster') &&
      c.metric === 'time' &&
      c.change.ratio > 0 &&
      Number.isFinite(c.change.ratio),
  )
  const size = (c: Changed) => Math.abs(Math.log(c.change.ratio))
  const largest = changed.sort((a, b) => size(b) - size(a)).slice(0, CHART_BARS)
  // Shown worst first, so the bars read as a ranking from the largest regression down.
  return largest.sort((a, b) => b.change.ratio - a.change.ratio)
}

// A round upper bound for the axis, so the reference line at 1 and the bars fit with some air.
function axisMax(ratios: readonly number[]): number {
  const top = Math.max(1, ...ratios) * 1.1
  const step = top <= 2 ? 0.25 : top <= 5 ? 0.5 : 10 ** Math.floor(Math.log10(top))
  return Math.ceil(top / step) * step
}

function number(value: number): string {
  return String(Number(value.toFixed(3)))
}

/**
 * A Mermaid bar chart of the largest significant time changes, as current ÷ baseline with a
 * line at 1 (no change). Bars start at zero, so a 20% regression looks like one. Empty when
 * nothing got faster or slower.
 */
export function renderChart(comparisons: readonly Comparison[]): string {
  const top = largestChanges(comparisons)
  if (top.length === 0) return ''
  const labels = top.map((c, i) => `"${i + 1}. ${escapeMermaidLabel(c.key) || escapeMermaidLabel(c.file)}"`)
  const ratios = top.map((c) => c.change.ratio)
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Largest changes (current / baseline)"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "ratio" 0 --> ${number(axisMax(ratios))}`,
    `  bar [${ratios.map(number).join(', ')}]`,
    `  line [${ratios.map(() => '1').join(', ')}]`,
    '```',
  ].join('\n')
}
