/**
 * Which pull request a GitHub Actions job is about, read from the variables Actions sets
 * (https://docs.github.com/actions/learn-github-actions/variables) and the event payload.
 */

export const DEFAULT_API_URL = 'https://api.github.com'

/** Where the comment goes. */
export interface PullRequestTarget {
  owner: string
  repo: string
  number: number
}

/** The API to talk to and, when there is one, the pull request; otherwise why there is none. */
export type GitHubContext = {
  /** REST API root without a trailing slash (GitHub Enterprise and test servers set their own). */
  apiUrl: string
  token?: string
} & ({ target: PullRequestTarget } | { target?: undefined; reason: string })

type Env = Record<string, string | undefined>
type Payload = Record<string, unknown>

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
])

function record(value: unknown): Payload | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Payload) : undefined
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

/** The pull-request number an event payload is about, or why it has none. */
export function pullRequestNumber(eventName: string, payload: Payload): number | string {
  const pr = record(payload.pull_request)
  if (PULL_REQUEST_EVENTS.has(eventName) || (eventName === '' && pr)) {
    return (
      positiveInteger(pr?.number) ?? positiveInteger(payload.number) ?? `the ${eventName} event has no number`
    )
  }
  const run = record(payload.workflow_run)
  if (eventName === 'workflow_run' || (eventName === '' && run)) {
    const first = Array.isArray(run?.pull_requests) ? record(run.pull_requests[0]) : undefined
    return (
      positiveInteger(first?.number) ??
      'the workflow_run event names no pull request (runs of fork pull requests never do); pass the number as PERFGATE_PR'
    )
  }
  const issue = record(payload.issue)
  if (eventName === 'issue_comment' && issue?.pull_request) {
    return positiveInteger(issue.number) ?? 'the issue_comment event has no number'
  }
  return `the ${eventName || 'current'} event is not about a pull request`
}

function repository(env: Env): { owner: string; repo: string } | undefined {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(env.GITHUB_REPOSITORY ?? '')
  return match ? { owner: match[1]!, repo: match[2]! } : undefined
}

async function eventNumber(env: Env, readFile: (path: string) => Promise<string>): Promise<number | string> {
  const override = env.PERFGATE_PR?.trim()
  if (override) {
    const number = /^\d+$/.test(override) ? Number(override) : Number.NaN
    return (
      positiveInteger(number) ?? `PERFGATE_PR must be a pull-request number; got "${override.slice(0, 40)}"`
    )
  }
  const path = env.GITHUB_EVENT_PATH
  if (!path) return 'GITHUB_EVENT_PATH is not set'
  let payload: Payload | undefined
  try {
    payload = record(JSON.parse(await readFile(path)))
  } catch {
    return `cannot read the event payload at ${path}`
  }
  return payload
    ? pullRequestNumber(env.GITHUB_EVENT_NAME ?? '', payload)
    : `the event payload at ${path} is not an object`
}

/**
 * Reads the pull request to comment on from `GITHUB_EVENT_PATH` (`pull_request`,
 * `pull_request_target`, `workflow_run`…) or the `PERFGATE_PR` override, the repository from
 * `GITHUB_REPOSITORY`, the API from `GITHUB_API_URL` and the token from `GITHUB_TOKEN`.
 * Never throws: when there is no pull request, `reason` says why.
 */
export async function readPullRequestContext(
  env: Env,
  readFile: (path: string) => Promise<string>,
): Promise<GitHubContext> {
  const apiUrl = (env.GITHUB_API_URL?.trim() || DEFAULT_API_URL).replace(/\/+$/, '')
  const auth = env.GITHUB_TOKEN?.trim() ? { token: env.GITHUB_TOKEN.trim() } : {}
  const repo = repository(env)
  if (!repo) return { apiUrl, ...auth, reason: 'GITHUB_REPOSITORY is not set to owner/repo' }
  const number = await eventNumber(env, readFile)
  if (typeof number === 'string') return { apiUrl, ...auth, reason: number }
  return { apiUrl, ...auth, target: { ...repo, number } }
}
