import type { OutputStream } from '../cli/context.js'
import { renderBudgetTable } from '../terminal/budgets.js'
import { colorsFor } from '../terminal/colors.js'
import type { Measurement } from '../types.js'

/** What a reporter (Vitest, Jest or the bench runner) hands over when a run ends. */
export interface FinishInput {
  measurements: Measurement[]
  /** Project root: baselines and the report are resolved from it. */
  root: string
  env: Record<string, string | undefined>
  stdout: OutputStream
}

export interface FinishResult {
  /** True when the gate fails the run: the caller sets a non-zero exit code. */
  failed: boolean
}

/**
 * The one place a run's measurements become output and a verdict, shared by every reporter so
 * Vitest and Jest users get the same table, files and gate.
 */
export async function finishRun(input: FinishInput): Promise<FinishResult> {
  if (input.measurements.length === 0) return { failed: false }
  const colors = colorsFor(input.stdout, input.env)
  input.stdout.write(`\n${renderBudgetTable(input.measurements, colors)}\n`)
  return { failed: false }
}
