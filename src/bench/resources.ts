import pidusage from 'pidusage'

/** What a benchmark cost its process while it ran: CPU time and the largest resident set seen. */
export interface Resources {
  /** CPU time (user + system) of the whole process while the benchmark ran, ms. */
  cpuMs: number
  /** Wall time between the benchmark's start and end messages, ms. */
  wallMs: number
  /** Largest resident set size sampled while the benchmark ran, MB. */
  peakRssMb: number
}

/** How often the resident set is sampled while a benchmark runs (ms). */
export const RSS_INTERVAL_MS = 50

const MB = 1024 * 1024

// pidusage keeps a short history per pid (to compute CPU percentages we do not use); a short
// maxage lets it close the file it keeps open for a finished worker.
const read = (pid: number) => pidusage(pid, { maxage: 2000 })

/**
 * Samples a worker's CPU time and resident set (through pidusage, which reads /proc on Linux
 * and asks the OS elsewhere) between a benchmark's start and end. Sampling happens in the
 * runner, outside the measured process, so it does not disturb the timings.
 */
export class ResourceSampler {
  private readonly pid: number
  private timer: ReturnType<typeof setInterval> | undefined
  private startCpu: Promise<number | undefined> = Promise.resolve(undefined)
  private startedAt = 0
  private peak = 0

  constructor(pid: number) {
    this.pid = pid
  }

  begin(): void {
    this.peak = 0
    this.startedAt = performance.now()
    this.startCpu = this.sample().then((stat) => stat?.ctime)
    this.timer = setInterval(() => void this.sample(), RSS_INTERVAL_MS)
    this.timer.unref()
  }

  /** Stops sampling; undefined when the process could not be read (it may have exited). */
  async end(): Promise<Resources | undefined> {
    clearInterval(this.timer)
    // Read this benchmark's state now: the next one may begin before the last reading returns.
    const wallMs = performance.now() - this.startedAt
    const peakSoFar = this.peak
    const [start, stat] = await Promise.all([this.startCpu, this.sample()])
    if (start === undefined || !stat) return undefined
    return {
      cpuMs: Math.max(0, stat.ctime - start),
      wallMs,
      peakRssMb: Math.max(peakSoFar, stat.memory) / MB,
    }
  }

  private async sample(): Promise<pidusage.Status | undefined> {
    try {
      const stat = await read(this.pid)
      this.peak = Math.max(this.peak, stat.memory)
      return stat
    } catch {
      return undefined
    }
  }
}

/** Drops pidusage's per-pid history once a run is over. */
export function releaseResourceSampling(): void {
  pidusage.clear()
}
