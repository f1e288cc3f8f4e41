import { readFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { describe, expect, test } from 'vitest'
import { comment } from '../../../src/cli/commands/comment.js'
import { upsertComment } from '../../../src/github/comments.js'
import { createOctokit } from '../../../src/github/octokit.js'
import { COMMENT_MARKER, renderMarkdown } from '../../../src/report/markdown/index.js'
import { fixtureReport } from '../report/load.js'
import { reportPath, TOKEN, useFakeGitHub } from './harness.js'

const ctx = useFakeGitHub()
const SMALL = reportPath('small')
const ADVISORY = reportPath('advisory')

const run = (argv: string[], env: Record<string, string | undefined>) =>
  comment({ argv, cwd: ctx.ws.dir, env, stdout: ctx.ws.stdout, stderr: ctx.ws.stderr })

const methods = () => ctx.gh.requests.map((r) => r.method)

describe('perfgate comment', () => {
  test('the first run creates one comment and fills the job summary', async () => {
    expect(await run([SMALL], ctx.ws.env(ctx.gh))).toBe(0)
    const comments = ctx.gh.comments(12)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toBe(renderMarkdown(fixtureReport('small')))
    expect(methods()).toEqual(['GET', 'POST'])
    expect(ctx.gh.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true)
    expect(ctx.ws.out()).toMatch(
      /^perfgate: created the comment on acme\/widgets#12: https:\/\/github\.example\/.*#issuecomment-\d+\n$/,
    )
    expect(ctx.ws.err()).toBe('')
    expect(readFileSync(ctx.ws.summary, 'utf8')).toContain('**2 slower**, 1 faster')
  })

  test('the second run updates the same comment; a third with nothing new leaves it alone', async () => {
    expect(await run([SMALL], ctx.ws.env(ctx.gh))).toBe(0)
    expect(await run([ADVISORY], ctx.ws.env(ctx.gh))).toBe(0)
    expect(ctx.gh.comments(12)).toHaveLength(1)
    expect(ctx.gh.comments(12)[0]!.body).toContain('[!WARNING]')
    expect(await run([ADVISORY], ctx.ws.env(ctx.gh))).toBe(0)
    expect(ctx.gh.comments(12)).toHaveLength(1)
    expect(methods()).toEqual(['GET', 'POST', 'GET', 'PATCH', 'GET'])
    expect(ctx.ws.out()).toContain('left unchanged the comment')
  })

  test('finds its comment on page 3 of 250, asking for 100 a page', async () => {
    const bodies = Array.from({ length: 250 }, (_, i) =>
      i === 230 ? `${COMMENT_MARKER}\nold table` : `comment ${i}`,
    )
    ctx.gh.seed(12, bodies)
    expect(await run([SMALL], ctx.ws.env(ctx.gh))).toBe(0)
    expect(ctx.gh.comments(12)).toHaveLength(250)
    expect(ctx.gh.comments(12)[230]!.body).toBe(renderMarkdown(fixtureReport('small')))
    expect(ctx.gh.requests.map((r) => `${r.method} ${r.query}`)).toEqual([
      'GET ?per_page=100',
      'GET ?per_page=100&page=2',
      'GET ?per_page=100&page=3',
      'PATCH ',
    ])
  })

  test('a comment that only quotes the marker further down is not ours', async () => {
    ctx.gh.seed(
      12,
      Array.from({ length: 150 }, (_, i) => `reply ${i}: > ${COMMENT_MARKER}`),
    )
    expect(await run([SMALL], ctx.ws.env(ctx.gh))).toBe(0)
    expect(ctx.gh.comments(12)).toHaveLength(151)
    expect(methods()).toEqual(['GET', 'GET', 'POST'])
  })

  test('--dry-run prints the markdown and talks to no one', async () => {
    expect(await run([SMALL, '--dry-run'], ctx.ws.env(ctx.gh))).toBe(0)
    expect(ctx.ws.out()).toBe(renderMarkdown(fixtureReport('small')))
    expect(ctx.gh.requests).toEqual([])
  })

  test('a missing, broken or foreign report is exit 2, naming the path', async () => {
    expect(await run(['nope.json'], ctx.ws.env(ctx.gh))).toBe(2)
    expect(ctx.ws.err()).toContain('no run report at nope.json')
    expect(await run([], ctx.ws.env(ctx.gh))).toBe(2)
    expect(ctx.ws.err()).toContain('no run report at .perfgate/report.json')
    expect(await run([ctx.ws.event({ version: 2 })], ctx.ws.env(ctx.gh))).toBe(2)
    expect(ctx.ws.err()).toMatch(/event-\w+\.json is not a perfgate run report/)
    expect(await run(['--frobnicate'], ctx.ws.env(ctx.gh))).toBe(2)
    expect(ctx.ws.err()).toContain("Unknown option '--frobnicate'")
    expect(ctx.gh.requests).toEqual([])
  })

  test('--help describes the command', async () => {
    expect(await run(['--help'], {})).toBe(0)
    expect(ctx.ws.out()).toContain('Usage: perfgate comment [report.json] [--dry-run]')
  })
})

describe('workflow_run (the fork-safe recipe)', () => {
  test('PERFGATE_PR names the pull request the artifact came from', async () => {
    const env = ctx.ws.env(ctx.gh, {
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_EVENT_PATH: ctx.ws.event({ workflow_run: { pull_requests: [] } }),
      PERFGATE_PR: '12',
    })
    expect(await run([SMALL], env)).toBe(0)
    expect(ctx.gh.comments(12)).toHaveLength(1)
  })
})

describe('upsertComment', () => {
  test('its errors carry the status, never the token or the request', async () => {
    ctx.gh.fail({ status: 403 })
    const octokit = await createOctokit({ apiUrl: ctx.gh.url, token: TOKEN, retry: ctx.ws.retry })
    const error = await upsertComment({
      octokit,
      owner: 'acme',
      repo: 'widgets',
      issueNumber: 12,
      body: 'x',
      marker: COMMENT_MARKER,
    }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toMatchObject({
      name: 'PerfgateError',
      code: 'GITHUB',
      status: 403,
      message: 'could not list comments: GitHub answered HTTP 403',
    })
    expect(inspect(error, { depth: 10 })).not.toContain(TOKEN)
    expect(JSON.stringify(error)).not.toContain(TOKEN)
  })
})
