import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { TOKEN, useFakeGitHub } from '../unit/github/harness.js'
import { runVitest, scratchCopy } from './run.js'

// The reporter on GitHub Actions: a real Vitest run posts its comparison to a real HTTP server
// on 127.0.0.1 that speaks GitHub's API (requests checked against the OpenAPI description).

const perf = ['run', '--reporter=default', '--reporter=perf']
const github = useFakeGitHub()
let project: { dir: string; cleanup: () => void }

beforeAll(async () => {
  project = scratchCopy('gate')
  const recorded = await runVitest(project.dir, [...perf, '-u'])
  expect(recorded.code, recorded.output).toBe(0)
})
afterAll(() => project.cleanup())

describe('--reporter perf with GITHUB_ACTIONS=true', () => {
  test('posts one sticky comment, updates it on the next run, and fills the job summary', async () => {
    const { gh, ws } = github
    const env = ws.env(gh)
    const first = await runVitest(project.dir, perf, env)
    expect(first.code, first.output).toBe(0)
    expect(gh.comments(12)).toHaveLength(1)
    expect(gh.comments(12)[0]?.body).toContain('pipeline &gt; render')
    const slower = await runVitest(project.dir, perf, { ...env, FIXTURE_SLOWDOWN: '3' })
    // The gate still decides the exit code; the comment reports why.
    expect(slower.code, slower.output).toBe(1)
    expect(gh.comments(12)).toHaveLength(1)
    expect(gh.comments(12)[0]?.body).toMatch(/1 slower/)
    expect(readFileSync(ws.summary, 'utf8')).toMatch(/1 slower/)
    for (const run of [first, slower]) expect(run.output).not.toContain(TOKEN)
  })

  test('without a token the verdict is unchanged, the summary is written and one line says why', async () => {
    const { gh, ws } = github
    const run = await runVitest(project.dir, perf, ws.env(gh, { GITHUB_TOKEN: undefined }))
    expect(run.code, run.output).toBe(0)
    expect(gh.comments(12)).toHaveLength(0)
    expect(readFileSync(ws.summary, 'utf8')).toContain('perfgate')
    expect(run.output).toMatch(/GITHUB_TOKEN/)
  })

  test('github: "off" posts nothing', async () => {
    const { gh, ws } = github
    const config = `${project.dir}/perfgate.config.json`
    writeFileSync(config, '{ "github": "off" }\n')
    try {
      const run = await runVitest(project.dir, perf, ws.env(gh))
      expect(run.code, run.output).toBe(0)
      expect(gh.requests).toHaveLength(0)
      expect(readFileSync(ws.summary, 'utf8')).toBe('')
    } finally {
      writeFileSync(config, '{}\n')
    }
  })
})
