import { describe, expect, it } from 'vitest'
import { bench } from '../../../src/cli/commands/bench.js'
import { parseBenchArgs } from '../../../src/cli/commands/bench-options.js'

describe('parseBenchArgs', () => {
  it('reads globs, filters and numbers', () => {
    const args = parseBenchArgs([
      'src',
      '-t',
      '^json',
      '--rounds',
      '3',
      '--time',
      '20',
      '--exclude',
      'x/**',
      '--json',
    ])
    expect(args).toMatchObject({ include: ['src'], exclude: ['x/**'], rounds: 3, time: 20, json: true })
    expect(args.filter?.test('json > parse')).toBe(true)
  })

  it('takes a bare --against as the merge base', () => {
    expect(parseBenchArgs(['--against']).against).toBe('auto')
    expect(parseBenchArgs(['--against', '--json']).against).toBe('auto')
    expect(parseBenchArgs(['--against', 'main']).against).toBe('main')
  })

  it.each([
    [['--rounds', '0'], /--rounds must be a whole number ≥ 1; got "0"/],
    [['--time', 'fast'], /--time must be a number of milliseconds > 0/],
    [['--filter', '('], /--filter is not a valid regular expression/],
    [['--against', 'main', '--update'], /drop --against/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message)
  })
})

describe('perfgate bench (in-process)', () => {
  function fake(argv: string[], cwd = '/nonexistent-project') {
    const out: string[] = []
    const err: string[] = []
    const ctx = {
      argv,
      cwd,
      env: {},
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
    }
    return { ctx, out: () => out.join(''), err: () => err.join('') }
  }

  it('prints its help', async () => {
    const p = fake(['--help'])
    expect(await bench(p.ctx)).toBe(0)
    expect(p.out()).toContain('Usage: perfgate bench')
  })

  it('exits 2 with the message on bad usage', async () => {
    const p = fake(['--rounds', 'x'])
    expect(await bench(p.ctx)).toBe(2)
    expect(p.err()).toMatch(/^perfgate bench: --rounds must be/)
  })
})
