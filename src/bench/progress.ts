import { performance } from 'node:perf_hooks'

/** Where progress goes: stderr, so `--json` output on stdout stays clean. */
export interface ProgressStream {
  write(chunk: string): unknown
  isTTY?: boolean
  columns?: number
}

const REDRAW_MS = 100

/** `1m12s`, `45s`. */
export function formatSeconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`
}

/**
 * The progress of a run: on a terminal one line, rewritten in place, naming what runs and what is
 * left; elsewhere (CI logs) one plain line per process. The time left is extrapolated from the
 * benchmarks done so far.
 */
export class Progress {
  private readonly stream: ProgressStream
  private readonly tty: boolean
  private readonly began = performance.now()
  private total = 0
  private done = 0
  private where = ''
  private what = ''
  private drawnAt = 0
  private shown = false

  constructor(stream: ProgressStream) {
    this.stream = stream
    this.tty = stream.isTTY === true
  }

  /** Sets how many benchmark runs (one benchmark in one process) the run will take. */
  plan(total: number): void {
    this.total = total
  }

  /** Re-plans after failures: `units` benchmark runs are left after those done. */
  remaining(units: number): void {
    this.total = this.done + units
  }

  /** A worker process starts: `where` says which round and file. */
  process(where: string, benches: number): void {
    this.where = where
    this.what = ''
    if (this.tty) this.draw(true)
    else
      this.stream.write(
        `perfgate bench: ${where} (${benches} benchmark${benches === 1 ? '' : 's'}) — ${this.left()}\n`,
      )
  }

  benchStarted(name: string): void {
    this.what = name
    this.draw(false)
  }

  benchDone(): void {
    this.done = Math.min(this.total, this.done + 1)
    this.draw(false)
  }

  /** Prints a line of its own (a warning, an error) without tearing the progress line. */
  log(line: string): void {
    this.clear()
    this.stream.write(`${line}\n`)
    this.draw(true)
  }

  /** Removes the progress line (on a terminal) before the results are printed. */
  clear(): void {
    if (this.tty && this.shown) this.stream.write('\r\u001b[2K')
    this.shown = false
  }

  private left(): string {
    const remaining = this.total - this.done
    const elapsed = performance.now() - this.began
    const eta = this.done > 0 ? `, ~${formatSeconds((elapsed / this.done) * remaining)} left` : ''
    return `${this.done}/${this.total} done${eta}`
  }

  private draw(force: boolean): void {
    if (!this.tty || this.where === '') return
    const now = performance.now()
    if (!force && now - this.drawnAt < REDRAW_MS) return
    this.drawnAt = now
    const what = this.what ? ` › ${this.what}` : ''
    const line = `${this.where}${what} · ${this.left()}`
    // A terminal of unknown width (0, e.g. under `script`) is taken as 100 columns.
    const width = Math.max(20, (this.stream.columns || 100) - 1)
    const fitted = line.length > width ? `${line.slice(0, width - 1)}…` : line
    this.stream.write(`\r\u001b[2K${fitted}`)
    this.shown = true
  }
}
