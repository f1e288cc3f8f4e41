/** Helpers the real-process experiments share: running a child process, and printing tables. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Comparison } from '../../src/types.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Runs `script` (TypeScript, through tsx) in a fresh Node process; resolves with its stdout. */
export function runChildScript(script: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited with ${code}`))))
  })
}

/** A markdown table with padded columns, as the recorded outputs in docs/ show them. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}

/** Coefficient of variation (sample standard deviation over the mean). */
export function cv(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1))
  return sd / mean
}

/** The value after `--name` on the command line, if given. */
export function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? process.argv[at + 1] : undefined
}

/**
 * The comparisons without their leans (`Comparison.leans`): what the fresh-process plan saw
 * before an `inconclusive` that leans toward `slower` was measured again, so the experiments can
 * show what that rule does on the same data.
 */
export function withoutLeaning(comparisons: readonly Comparison[]): Comparison[] {
  return comparisons.map((c) => {
    if (!('leans' in c)) return c
    const { leans: _, ...rest } = c
    return rest
  })
}
