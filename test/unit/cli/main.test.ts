import { describe, expect, test } from 'vitest'
import { run } from '../../../src/cli/main.js'

function fakeProcess(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  return {
    ctx: {
      argv,
      cwd: '/project',
      env: {},
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  }
}

describe('perfgate CLI', () => {
  test.each([['--help'], []])('%j prints the usage and the commands, exit 0', async (...argv) => {
    const p = fakeProcess(argv)
    expect(await run(p.ctx)).toBe(0)
    expect(p.stdout()).toContain('Usage: perfgate [options] [command]')
    expect(p.stdout()).toMatch(/compare .*compare two run reports/)
  })

  test('--version prints the package version', async () => {
    const p = fakeProcess(['--version'])
    expect(await run(p.ctx)).toBe(0)
    expect(p.stdout()).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  test('an unknown command is a usage error naming it', async () => {
    const p = fakeProcess(['frobnicate'])
    expect(await run(p.ctx)).toBe(2)
    expect(p.stderr()).toContain("error: unknown command 'frobnicate'")
    expect(p.stderr()).toContain('perfgate --help')
  })

  test('an unknown option is a usage error naming it', async () => {
    const p = fakeProcess(['--frob'])
    expect(await run(p.ctx)).toBe(2)
    expect(p.stderr()).toContain("error: unknown option '--frob'")
  })
})

describe('subcommands', () => {
  test('a subcommand receives its own arguments, including --help', async () => {
    const p = fakeProcess(['embed', '--help'])
    expect(await run(p.ctx)).toBe(0)
    expect(p.stdout()).toContain('Usage: perfgate embed')
  })

  test('a subcommand receives a `--` that directly follows its name, as typed', async () => {
    // After `--`, `--help` is the report's path, not the option: comment says it cannot read it.
    const p = fakeProcess(['comment', '--', '--help'])
    expect(await run(p.ctx)).toBe(2)
    expect(p.stdout()).not.toContain('Usage: perfgate comment')
    expect(p.stderr()).toContain('--help')
  })

  test('comment reports a missing report file as an input error naming it', async () => {
    const p = fakeProcess(['comment', 'nowhere/report.json', '--dry-run'])
    expect(await run(p.ctx)).toBe(2)
    expect(p.stderr()).toContain('nowhere/report.json')
  })
})
