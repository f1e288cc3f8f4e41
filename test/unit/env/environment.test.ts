import { describe, expect, test } from 'vitest'
import {
  currentEnvironment,
  describeEnvironment,
  environmentDifferences,
  summarizeEnvironments,
} from '../../../src/env/environment.js'
import type { Environment } from '../../../src/types.js'

const base: Environment = {
  node: '20.11.0',
  os: 'linux 6.5.0-1017-azure',
  arch: 'x64',
  cpu: 'Intel Xeon 8375C',
  cores: 4,
  ci: true,
}

describe('currentEnvironment', () => {
  test('describes this process and machine', () => {
    const env = currentEnvironment({})
    expect(env.node).toBe(process.versions.node)
    expect(env.node).not.toMatch(/^v/)
    expect(env.os.startsWith(`${process.platform} `)).toBe(true)
    expect(env.arch).toBe(process.arch)
    expect(env.cpu).not.toMatch(/\s{2}|^\s|\s$/)
    expect(env.cpu.length).toBeGreaterThan(0)
    expect(Number.isInteger(env.cores) && env.cores >= 1).toBe(true)
  })

  test('is the same on every call', () => {
    expect(currentEnvironment({})).toEqual(currentEnvironment({}))
  })

  test.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['FALSE', false],
    ['0', false],
    ['true', true],
    ['1', true],
    ['woodpecker', true],
  ])('CI=%j → ci %s', (value, ci) => {
    expect(currentEnvironment(value === undefined ? {} : { CI: value }).ci).toBe(ci)
  })
})

describe('environmentDifferences', () => {
  test('nothing for the same machine', () => {
    expect(environmentDifferences(base, { ...base })).toEqual([])
  })

  test('ignores Node patch releases, kernel versions and CPU whitespace', () => {
    const head = { ...base, node: 'v20.12.2', os: 'linux 6.8.0-1020-azure', cpu: 'Intel  Xeon 8375C ' }
    expect(environmentDifferences(base, head)).toEqual([])
  })

  test('one phrase per material difference, base first', () => {
    const head: Environment = {
      node: '22.3.0',
      os: 'darwin 23.4.0',
      arch: 'arm64',
      cpu: 'AMD EPYC 7763',
      cores: 2,
      ci: false,
    }
    expect(environmentDifferences(base, head)).toEqual([
      'CPU "Intel Xeon 8375C" vs "AMD EPYC 7763"',
      'Node 20 vs 22',
      'linux vs darwin',
      'arch x64 vs arm64',
      '4 vs 2 cores',
      'CI vs local',
    ])
    expect(environmentDifferences(head, base)).toContain('local vs CI')
  })
})

describe('summarizeEnvironments', () => {
  test('undefined for no environments', () => {
    expect(summarizeEnvironments([])).toBeUndefined()
  })

  test('the most common environment, compared by value', () => {
    const other = { ...base, cores: 8 }
    expect(summarizeEnvironments([other, { ...base }, { ...base }, other, { ...base }])).toEqual(base)
  })

  test('the first seen on a tie', () => {
    const other = { ...base, cores: 8 }
    expect(summarizeEnvironments([other, base, base, other])).toBe(other)
  })
})

test('describeEnvironment is one readable line', () => {
  expect(describeEnvironment(base)).toBe(
    'Node 20.11.0, linux 6.5.0-1017-azure x64, Intel Xeon 8375C (4 cores), CI',
  )
  expect(describeEnvironment({ ...base, cores: 1, ci: false })).toMatch(/\(1 core\), local$/)
})
