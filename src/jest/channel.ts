/**
 * The channel from Jest's test workers to perfgate's Jest reporter. Jest offers none, so the
 * reporter creates a run-scoped directory and names it (with run-wide defaults) in an environment
 * variable before any worker starts; workers inherit the variable and append one JSON line per
 * measurement to a file of their own, which the reporter reads when the run completes.
 *
 * This file is loaded inside Jest's module sandbox by the setup file, so it uses only Node
 * built-ins.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Measurement } from '../types.js'

/** The environment variable that carries the {@link Channel} to the workers, as JSON. */
export const CHANNEL_ENV = 'PERFGATE_JEST'

/** Where workers write, and the run-wide matcher defaults from the reporter's options. */
export interface Channel {
  dir: string
  timeBudget?: number
}

/**
 * One line of a worker file, as the matcher saw it: `file` is the absolute test path and `name`
 * Jest's own test name (titles joined by spaces); the reporter turns both into what baselines
 * store and assigns the keys. `attempt` counts retries of a test: only its last attempt counts.
 */
export interface ChannelRecord {
  attempt: number
  measurement: Omit<Measurement, 'key'>
}

type Env = Record<string, string | undefined>

/** Creates a run's channel and names it in `env`, which the test workers Jest starts inherit. */
export function openChannel(env: Env, defaults: { timeBudget?: number }): Channel {
  const channel: Channel = { dir: mkdtempSync(join(tmpdir(), 'perfgate-jest-')), ...defaults }
  env[CHANNEL_ENV] = JSON.stringify(channel)
  return channel
}

/** Removes the channel's directory and, unless something else replaced it, its variable. */
export function closeChannel(channel: Channel, env: Env): void {
  rmSync(channel.dir, { recursive: true, force: true })
  if (channelFromEnv(env)?.dir === channel.dir) delete env[CHANNEL_ENV]
}

/** The channel named in `env`, or undefined when the perfgate reporter is not part of the run. */
export function channelFromEnv(env: Env): Channel | undefined {
  const raw = env[CHANNEL_ENV]
  if (!raw) return undefined
  try {
    const parsed = JSON.parse(raw) as Partial<Channel>
    if (typeof parsed.dir !== 'string') return undefined
    return typeof parsed.timeBudget === 'number'
      ? { dir: parsed.dir, timeBudget: parsed.timeBudget }
      : { dir: parsed.dir }
  } catch {
    return undefined
  }
}

/**
 * Appends one record to this process's file. One process writes each file, and each record is a
 * single `write` of a whole line, so a reader never sees two records interleaved.
 */
export function appendRecord(channel: Channel, record: ChannelRecord): void {
  mkdirSync(channel.dir, { recursive: true })
  appendFileSync(join(channel.dir, `${process.pid}.ndjson`), `${JSON.stringify(record)}\n`)
}

function parseLine(line: string): ChannelRecord | undefined {
  try {
    const record = JSON.parse(line) as Partial<ChannelRecord>
    const m = record.measurement
    if (typeof record.attempt !== 'number' || typeof m !== 'object' || m === null) return undefined
    return typeof m.file === 'string' && typeof m.name === 'string' ? (record as ChannelRecord) : undefined
  } catch {
    // A worker killed mid-write leaves a partial last line; the complete ones still count.
    return undefined
  }
}

/** Every complete record the workers wrote, file by file in the order each worker wrote them. */
export function readRecords(dir: string): ChannelRecord[] {
  let files: string[]
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.ndjson'))
  } catch {
    return []
  }
  const records: ChannelRecord[] = []
  for (const file of files.sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const record = line ? parseLine(line) : undefined
      if (record) records.push(record)
    }
  }
  return records
}
