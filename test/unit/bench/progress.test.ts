import { describe, expect, it } from 'vitest'
import { formatSeconds, Progress } from '../../../src/bench/progress.js'

function stream(isTTY: boolean) {
  const chunks: string[] = []
  return { chunks, sink: { isTTY, columns: 60, write: (s: string) => chunks.push(s) } }
}

describe('Progress', () => {
  it('prints one plain line per process off a terminal, with what is left', () => {
    const { chunks, sink } = stream(false)
    const p = new Progress(sink)
    p.plan(4)
    p.process('round 1/2 · a.perf.ts', 2)
    p.benchStarted('parse')
    p.benchDone()
    p.benchDone()
    p.process('round 2/2 · a.perf.ts', 1)
    expect(chunks).toEqual([
      'perfgate bench: round 1/2 · a.perf.ts (2 benchmarks) — 0/4 done\n',
      expect.stringMatching(
        /^perfgate bench: round 2\/2 · a\.perf\.ts \(1 benchmark\) — 2\/4 done, ~\d+s left\n$/,
      ),
    ])
  })

  it('rewrites one line in place on a terminal, cut to its width, and clears it', () => {
    const { chunks, sink } = stream(true)
    const p = new Progress(sink)
    p.plan(2)
    p.process('round 1/1 · a-file-with-a-rather-long-name.perf.ts', 2)
    p.benchStarted('a benchmark with a long name as well')
    p.clear()
    expect(chunks[0]?.startsWith('\r\u001b[2Kround 1/1')).toBe(true)
    for (const c of chunks.filter((c) => c.length > 5))
      expect(c.replace('\r\u001b[2K', '').length).toBeLessThanOrEqual(59)
    expect(chunks.at(-1)).toBe('\r\u001b[2K')
  })

  it('prints log lines on their own line, and re-plans what is left', () => {
    const { chunks, sink } = stream(false)
    const p = new Progress(sink)
    p.plan(10)
    p.benchDone()
    p.remaining(3)
    p.log('a warning')
    p.process('x', 1)
    expect(chunks).toEqual(['a warning\n', expect.stringContaining('1/4 done')])
  })
})

describe('formatSeconds', () => {
  it('shows seconds, then minutes and seconds', () => {
    expect(formatSeconds(4_400)).toBe('4s')
    expect(formatSeconds(72_000)).toBe('1m12s')
  })
})
