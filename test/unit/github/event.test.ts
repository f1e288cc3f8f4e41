import { describe, expect, test } from 'vitest'
import { readPullRequestContext } from '../../../src/github/event.js'

const files: Record<string, unknown> = {
  '/e/pull_request.json': { action: 'opened', number: 7, pull_request: { number: 7 } },
  '/e/pull_request_target.json': { action: 'synchronize', number: 8, pull_request: { number: 8 } },
  '/e/workflow_run.json': {
    action: 'completed',
    workflow_run: { pull_requests: [{ number: 9 }, { number: 10 }] },
  },
  '/e/workflow_run_fork.json': { action: 'completed', workflow_run: { pull_requests: [] } },
  '/e/issue_comment.json': { issue: { number: 11, pull_request: { url: 'x' } } },
  '/e/push.json': { ref: 'refs/heads/main' },
  '/e/array.json': [],
}

async function readFile(path: string): Promise<string> {
  if (path === '/e/broken.json') return '{'
  if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
  return JSON.stringify(files[path])
}

const base = { GITHUB_REPOSITORY: 'acme/widgets', GITHUB_TOKEN: 'ghs_x' }
const read = (env: Record<string, string | undefined>) =>
  readPullRequestContext({ ...base, ...env }, readFile)
const event = (name: string, file = name) => ({
  GITHUB_EVENT_NAME: name,
  GITHUB_EVENT_PATH: `/e/${file}.json`,
})

describe('readPullRequestContext', () => {
  test.each([
    ['pull_request', 7],
    ['pull_request_target', 8],
    ['workflow_run', 9],
    ['issue_comment', 11],
  ])('%s → pull request #%i', async (name, number) => {
    expect(await read(event(name))).toEqual({
      apiUrl: 'https://api.github.com',
      token: 'ghs_x',
      target: { owner: 'acme', repo: 'widgets', number },
    })
  })

  test('the event name is inferred from the payload when GITHUB_EVENT_NAME is missing', async () => {
    expect((await read({ GITHUB_EVENT_PATH: '/e/pull_request.json' })).target?.number).toBe(7)
    expect((await read({ GITHUB_EVENT_PATH: '/e/workflow_run.json' })).target?.number).toBe(9)
  })

  test.each([
    [event('push'), 'the push event is not about a pull request'],
    [
      event('workflow_run', 'workflow_run_fork'),
      'the workflow_run event names no pull request (runs of fork pull requests never do); pass the number as PERFGATE_PR',
    ],
    [event('pull_request', 'push'), 'the pull_request event has no number'],
    [{ GITHUB_EVENT_NAME: 'push' }, 'GITHUB_EVENT_PATH is not set'],
    [event('pull_request', 'missing'), 'cannot read the event payload at /e/missing.json'],
    [event('pull_request', 'broken'), 'cannot read the event payload at /e/broken.json'],
    [event('pull_request', 'array'), 'the event payload at /e/array.json is not an object'],
    [
      { ...event('pull_request'), GITHUB_REPOSITORY: undefined },
      'GITHUB_REPOSITORY is not set to owner/repo',
    ],
    [
      { ...event('pull_request'), GITHUB_REPOSITORY: 'just-a-name' },
      'GITHUB_REPOSITORY is not set to owner/repo',
    ],
    [{ PERFGATE_PR: '12a' }, 'PERFGATE_PR must be a pull-request number; got "12a"'],
    [{ PERFGATE_PR: '0' }, 'PERFGATE_PR must be a pull-request number; got "0"'],
  ])('no pull request: %j', async (env, reason) => {
    const context = await read(env)
    expect(context.target).toBeUndefined()
    expect(context).toMatchObject({ reason })
  })

  test('PERFGATE_PR wins over the event', async () => {
    expect(
      (await read({ ...event('workflow_run', 'workflow_run_fork'), PERFGATE_PR: ' 42 ' })).target?.number,
    ).toBe(42)
    expect((await read({ ...event('push'), PERFGATE_PR: '5' })).target?.number).toBe(5)
  })

  test('GITHUB_API_URL is honoured without its trailing slash; a missing token is simply absent', async () => {
    const context = await read({
      ...event('pull_request'),
      GITHUB_API_URL: 'https://ghe.example/api/v3/',
      GITHUB_TOKEN: '',
    })
    expect(context).toEqual({
      apiUrl: 'https://ghe.example/api/v3',
      target: { owner: 'acme', repo: 'widgets', number: 7 },
    })
  })
})
