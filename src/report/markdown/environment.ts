import type { Environment, RunReport } from '../../types.js'
import { escapeMarkdown } from '../escape.js'

/** `Node 22.3.0 · linux x64 · Apple M2 (8 cores) · CI`, escaped (the CPU model is free text). */
export function describeEnvironment(env: Environment): string {
  const cores = `${env.cores} core${env.cores === 1 ? '' : 's'}`
  const text = `Node ${env.node} · ${env.os} ${env.arch} · ${env.cpu} (${cores})${env.ci ? ' · CI' : ''}`
  return escapeMarkdown(text, 300)
}

const FIELDS: ReadonlyArray<readonly [keyof Environment, string]> = [
  ['node', 'Node'],
  ['os', 'OS'],
  ['arch', 'architecture'],
  ['cpu', 'CPU'],
  ['cores', 'cores'],
  ['ci', 'CI'],
]

/** `Node 20.11.0 → 22.3.0; CPU Intel Xeon → Apple M2`: only what changed. */
export function environmentDifferences(base: Environment, head: Environment): string {
  const changed = FIELDS.filter(([field]) => base[field] !== head[field]).map(
    ([field, label]) => `${label} ${String(base[field])} → ${String(head[field])}`,
  )
  return escapeMarkdown(changed.join('; ') || 'same fields, different recording', 400)
}

const ADVICE =
  'Re-record the baselines where CI runs (`npx perfgate update`), or measure both commits on the same machine (`npx perfgate compare`).'

function quote(lines: readonly string[]): string {
  return lines.map((line) => `> ${line}`).join('\n')
}

/**
 * GitHub alerts above the table: a warning when the baselines come from another environment,
 * a note when the verdicts are advisory for another reason (the gate is off).
 */
export function environmentAlerts(report: RunReport): string[] {
  const { baselineEnv } = report
  if (baselineEnv) {
    const consequence = report.advisory
      ? 'Differences may come from the machine rather than the code, so the verdicts are advisory.'
      : 'Differences may come from the machine rather than the code; the gate still applies.'
    const differences = environmentDifferences(baselineEnv, report.env)
    return [
      quote([
        '[!WARNING]',
        `**The baselines were recorded in a different environment** (${differences}).`,
        `${consequence} ${ADVICE}`,
      ]),
    ]
  }
  if (report.advisory) {
    return [quote(['[!NOTE]', 'The verdicts are advisory: the gate is off, so nothing here fails the run.'])]
  }
  return []
}

/** A note above the table when a fresh process measured the run again (its speed changed partway). */
export function replacedRunNote(report: RunReport): string[] {
  if (!report.replacedUnsteady) return []
  return [
    quote([
      '[!NOTE]',
      "This run's speed changed partway through (a slow period of the machine), so it was measured " +
        "again in a fresh process; the figures below are that process's.",
    ]),
  ]
}
