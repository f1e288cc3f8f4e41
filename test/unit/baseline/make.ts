import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach } from 'vitest'
import type { BaselineEntry, BaselineFile, Environment, Measurement } from '../../../src/types.js'

export const ENV: Environment = {
  node: '22.11.0',
  os: 'linux 6.8.0',
  arch: 'x64',
  cpu: 'AMD EPYC 7763 64-Core Processor',
  cores: 4,
  ci: true,
}

/** A plausible time measurement; synthetic numbers, never real timings. */
export function measurement(overrides: Partial<Measurement> & { key: string }): Measurement {
  return {
    file: 'src/a.test.ts',
    name: overrides.key.replace(/#\d+$/, ''),
    metric: 'time',
    unit: 'ms',
    source: 'matcher',
    stat: 'median',
    budget: 10,
    withinBudget: true,
    summary: { n: 3, min: 1, max: 3, mean: 2, median: 2, sd: 1, mad: 1, p75: 2.5, p95: 2.9, p99: 2.98 },
    samples: [1, 2, 3],
    batch: 1,
    ...overrides,
  }
}

export function entry(overrides: Partial<BaselineEntry> = {}): BaselineEntry {
  return {
    name: 'parses',
    metric: 'time',
    unit: 'ms',
    source: 'matcher',
    stat: 'median',
    summary: { n: 3, min: 1, max: 3, mean: 2, median: 2, sd: 1, mad: 1, p75: 2.5, p95: 2.9, p99: 2.98 },
    samples: [1, 2, 3],
    batch: 1,
    env: ENV,
    ...overrides,
  }
}

export function baselineFile(entries: Record<string, BaselineEntry>, file = 'src/a.test.ts'): BaselineFile {
  return { version: 1, file, entries }
}

const roots: string[] = []

/** A fresh project directory, removed after the test. */
export async function temporaryRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'perfgate-'))
  roots.push(root)
  return root
}

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })))
})

/** Every file under `dir`, relative and `/`-separated, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true })
  return found
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split('\\').join('/'))
    .sort()
}

type JsonNode = Record<string | number, unknown>

/** Changes a value deep inside parsed JSON, as a hand edit would; `undefined` deletes it. */
export function edit(json: unknown, path: readonly (string | number)[], value: unknown): void {
  const parent = path.slice(0, -1).reduce((node, key) => node[key] as JsonNode, json as JsonNode)
  const last = path.at(-1)!
  if (value === undefined) delete parent[last]
  else parent[last] = value
}
