import { availableParallelism, cpus, release } from 'node:os'
import type { Environment } from '../types.js'

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** `CI=true`, `CI=1`, `CI=woodpecker`… mean CI; unset, empty, `false` and `0` mean a local run. */
function isCi(value: string | undefined): boolean {
  if (value === undefined) return false
  const normalized = value.trim().toLowerCase()
  return normalized !== '' && normalized !== 'false' && normalized !== '0'
}

/**
 * The machine this process runs on. Only fields that stay the same between runs on one machine,
 * because each baseline entry stores them and a change shows up as a diff in the baseline files.
 * `node` is the bare version (`22.11.0`), as in `process.versions.node`.
 */
export function currentEnvironment(env: Record<string, string | undefined> = process.env): Environment {
  return {
    node: process.versions.node,
    os: `${process.platform} ${release()}`,
    arch: process.arch,
    // Some containers report no CPUs at all; an explicit placeholder still compares equal to itself.
    cpu: collapse(cpus()[0]?.model ?? '') || 'unknown',
    cores: availableParallelism(),
    ci: isCi(env.CI),
  }
}

// Accepts `v22.11.0` too: environments written by hand or by other tools may carry the `v`.
const nodeMajor = (version: string): string => /^v?(\d+)/.exec(version.trim())?.[1] ?? version
const platform = (os: string): string => os.trim().split(/\s+/)[0] ?? os
const ciLabel = (ci: boolean): string => (ci ? 'CI' : 'local')

/**
 * What differs between two environments in ways that move timings: CPU model, Node major,
 * platform, architecture, core count and CI-versus-local, one phrase each (`Node 20 vs 22`).
 * Patch releases of Node and kernel versions are left out; they rarely matter and would make
 * every comparison look suspicious.
 */
export function environmentDifferences(base: Environment, head: Environment): string[] {
  const differences: string[] = []
  if (collapse(base.cpu) !== collapse(head.cpu)) differences.push(`CPU "${base.cpu}" vs "${head.cpu}"`)
  const [baseNode, headNode] = [nodeMajor(base.node), nodeMajor(head.node)]
  if (baseNode !== headNode) differences.push(`Node ${baseNode} vs ${headNode}`)
  const [basePlatform, headPlatform] = [platform(base.os), platform(head.os)]
  if (basePlatform !== headPlatform) differences.push(`${basePlatform} vs ${headPlatform}`)
  if (base.arch !== head.arch) differences.push(`arch ${base.arch} vs ${head.arch}`)
  if (base.cores !== head.cores) differences.push(`${base.cores} vs ${head.cores} cores`)
  if (base.ci !== head.ci) differences.push(`${ciLabel(base.ci)} vs ${ciLabel(head.ci)}`)
  return differences
}

/** `Node 22.11.0, linux x64, AMD EPYC 7763 (4 cores), CI`: one line, for problems and logs. */
export function describeEnvironment(env: Environment): string {
  const cores = `${env.cores} core${env.cores === 1 ? '' : 's'}`
  return `Node ${env.node}, ${env.os} ${env.arch}, ${env.cpu} (${cores}), ${ciLabel(env.ci)}`
}

/** A key equal for environments with equal fields, whatever their property order. */
export function environmentKey(env: Environment): string {
  return JSON.stringify([env.node, env.os, env.arch, env.cpu, env.cores, env.ci])
}

/**
 * The environment most of a set of baseline entries were recorded on (the first seen on a tie),
 * reported as "the baseline's environment"; undefined for no entries.
 */
export function summarizeEnvironments(envs: readonly Environment[]): Environment | undefined {
  const counts = new Map<string, { env: Environment; count: number }>()
  for (const env of envs) {
    const key = environmentKey(env)
    const seen = counts.get(key)
    if (seen) seen.count++
    else counts.set(key, { env, count: 1 })
  }
  let best: { env: Environment; count: number } | undefined
  for (const candidate of counts.values()) if (!best || candidate.count > best.count) best = candidate
  return best?.env
}
