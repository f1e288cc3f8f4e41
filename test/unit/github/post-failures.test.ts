import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { comment } from '../../../src/cli/commands/comment.js'
import { postReport } from '../../../src/github/post.js'
import { COMMENT_MARKER } from '../../../src/report/markdown/index.js'
import { fixtureReport } from '../report/load.js'
import { startFakeGitHub } from './fake-github.js'
import { reportPath, TOKEN, useFakeGitHub } from './harness.js'

const ctx = useFakeGitHub()
const SMALL = reportPath('small')

const run = (argv: string[], env: Record<string, string | undefined>) =>
  comment({ argv, cwd: ctx.ws.dir, env, stdout: ctx.ws.stdout, stderr: ctx.ws.stderr })

const methods = () => ctx.gh.requests.map((r) => r.method)

const post = (env: Record<string, string | undefined>, report = fixtureReport('small')) =>
  postReport({ report, env, stdout: ctx.ws.stdout, stderr: ctx.ws.stderr, retry: ctx.ws.retry })

describe('when GitHub says no, the summary still has the table and the exit code stays 0', () => {
  // Every scenario writes the job summary, except the two about the summary itself.
  let summaryExpected = true
  beforeEach(() => {
    summaryExpected = true
  })
  afterEach(() => {
    if (summaryExpected)
      expect(readFileSync(ctx.ws.summary, 'utf8')).toContain(`${COMMENT_MARKER}\n\n### perfgate`)
  })

  test('no token: one line, no request', async () => {
    expect(await run([SMALL], ctx.ws.env(ctx.gh, { GITHUB_TOKEN: undefined }))).toBe(0)
    expect(ctx.ws.err()).toBe(
      'perfgate: GITHUB_TOKEN is not set; the comparison is in the job summary only. To comment on pull requests, pass GITHUB_TOKEN to this step.\n',
    )
    expect(ctx.gh.requests).toEqual([])
    expect(readFileSync(ctx.ws.summary, 'utf8')).toContain(COMMENT_MARKER)
  })

  test('403 from a fork’s read-only token: points to the workflow_run recipe', async () => {
    ctx.gh.fail({ status: 403, method: 'POST', body: { message: 'Resource not accessible by integration' } })
    expect(await run([SMALL], ctx.ws.env(ctx.gh))).toBe(0)
    expect(ctx.ws.err()).toMatch(
      /^perfgate: GitHub did not let this token comment on acme\/widgets#12 \(403\)\. Pull requests from forks .* workflow_run recipe .*job summary\.\n$/,
    )
    expect(ctx.gh.comments(12)).toEqual([])
    expect(readFileSync(ctx.ws.summary, 'utf8')).toContain('**2 slower**')
  })

  test('404: the pull request is gone', async () => {
    const env = ctx.ws.env(ctx.gh, { GITHUB_EVENT_PATH: ctx.ws.event({ pull_request: { number: 99 } }) })
    expect(await run([SMALL], env)).toBe(0)
    expect(ctx.ws.err()).toBe(
      'perfgate: pull request acme/widgets#99 was not found (404): it may have been deleted, or the token cannot see the repository; the comparison is in the job summary.\n',
    )
  })

  test('422: the body is rejected', async () => {
    ctx.gh.fail({ status: 422, method: 'POST', body: { message: 'Validation Failed' } })
    const result = await post(ctx.ws.env(ctx.gh))
    expect(result).toEqual({ summary: 'written', comment: 'failed' })
    expect(ctx.ws.err()).toContain(
      '(422: the body is invalid or too large); the comparison is in the job summary.',
    )
  })

  test('500 three times: retried with backoff, then a warning', async () => {
    ctx.gh.fail({ status: 500, times: 3 })
    const result = await post(ctx.ws.env(ctx.gh))
    expect(result.comment).toBe('failed')
    expect(ctx.ws.sleeps).toEqual([1000, 2000])
    expect(methods()).toEqual(['GET', 'GET', 'GET'])
    expect(ctx.ws.err()).toContain(
      'perfgate: GitHub failed with HTTP 500 3 times while trying to list comments on acme/widgets#12',
    )
  })

  test('a passing 502 is retried and the comment posted', async () => {
    ctx.gh.fail({ status: 502, method: 'POST' })
    expect((await post(ctx.ws.env(ctx.gh))).comment).toBe('created')
    expect(ctx.ws.sleeps).toEqual([1000])
    expect(ctx.gh.comments(12)).toHaveLength(1)
  })

  test('a secondary rate limit waits as long as retry-after says', async () => {
    ctx.gh.fail({
      status: 403,
      headers: { 'retry-after': '3' },
      body: { message: 'You have exceeded a secondary rate limit' },
    })
    expect((await post(ctx.ws.env(ctx.gh))).comment).toBe('created')
    expect(ctx.ws.sleeps).toEqual([3000])
  })

  test('an exhausted rate limit that resets in an hour is not waited for', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600)
    ctx.gh.fail({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } })
    expect((await post(ctx.ws.env(ctx.gh))).comment).toBe('failed')
    expect(ctx.ws.sleeps).toEqual([])
    expect(ctx.ws.err()).toContain(
      'perfgate: a GitHub rate limit stopped the comment on acme/widgets#12 (HTTP 403)',
    )
  })

  test('a wrong token: 401', async () => {
    const wrong = 'ghs_SECRETtokenvalue123_wrong'
    expect((await post(ctx.ws.env(ctx.gh, { GITHUB_TOKEN: wrong }))).comment).toBe('failed')
    expect(ctx.ws.err()).toContain('perfgate: GitHub rejected GITHUB_TOKEN (401: bad or expired credentials)')
    expect(ctx.ws.err()).not.toContain(wrong)
  })

  test('GitHub unreachable: retried, then a warning naming the API', async () => {
    const url = ctx.gh.url
    await ctx.gh.close()
    ctx.gh = await startFakeGitHub({ token: TOKEN, validator: ctx.validator })
    const result = await post(ctx.ws.env(ctx.gh, { GITHUB_API_URL: url }))
    expect(result.comment).toBe('failed')
    expect(ctx.ws.sleeps).toEqual([1000, 2000])
    expect(ctx.ws.err()).toContain(
      `perfgate: could not reach GitHub at ${url} to comment on acme/widgets#12 (ECONNREFUSED)`,
    )
  })

  test('not a pull request: a note, no request', async () => {
    const env = ctx.ws.env(ctx.gh, {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: ctx.ws.event({ ref: 'refs/heads/main' }),
    })
    expect(await post(env)).toEqual({ summary: 'written', comment: 'skipped' })
    expect(ctx.ws.err()).toBe(
      'perfgate: no pull request to comment on (the push event is not about a pull request); the comparison is in the job summary.\n',
    )
    expect(ctx.gh.requests).toEqual([])
  })

  test('an unwritable job summary is a warning; the comment is still posted', async () => {
    summaryExpected = false
    const result = await post(ctx.ws.env(ctx.gh, { GITHUB_STEP_SUMMARY: ctx.ws.dir }))
    expect(result).toMatchObject({ summary: 'failed', comment: 'created' })
    expect(ctx.ws.err()).toBe('perfgate: could not write the job summary to GITHUB_STEP_SUMMARY (EISDIR).\n')
  })

  test('without GITHUB_STEP_SUMMARY, warnings say the comparison was not posted', async () => {
    summaryExpected = false
    ctx.gh.fail({ status: 422, method: 'POST' })
    expect(await post(ctx.ws.env(ctx.gh, { GITHUB_STEP_SUMMARY: undefined }))).toEqual({
      summary: 'not set',
      comment: 'failed',
    })
    expect(ctx.ws.err()).toContain('; the comparison was not posted.')
  })
})
