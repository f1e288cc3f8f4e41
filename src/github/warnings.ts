import type { PullRequestTarget } from './event.js'
import type { GitHubFailure } from './failure.js'

export interface FailureContext {
  target: PullRequestTarget
  apiUrl: string
  summaryWritten: boolean
  /** Attempts made for server errors. */
  tries: number
}

/** Where the comparison can still be read when the comment could not be posted. */
export function fallback(summaryWritten: boolean): string {
  return summaryWritten ? 'the comparison is in the job summary' : 'the comparison was not posted'
}

export function noTokenWarning(summaryWritten: boolean): string {
  const where = summaryWritten ? 'the comparison is in the job summary only' : 'the comparison was not posted'
  return `perfgate: GITHUB_TOKEN is not set; ${where}. To comment on pull requests, pass GITHUB_TOKEN to this step.`
}

export function noPullRequestNote(reason: string, summaryWritten: boolean): string {
  return `perfgate: no pull request to comment on (${reason}); ${fallback(summaryWritten)}.`
}

const FORK_ADVICE = [
  'Pull requests from forks only get a read-only token: use the workflow_run recipe in',
  "perfgate's README (examples/github/perf-comment.yml). For pull requests from this repository,",
  'grant the job "permissions: pull-requests: write".',
].join(' ')

function explain(failure: GitHubFailure, pr: string, context: FailureContext): string {
  const { status } = failure
  if (status === undefined) {
    return `could not reach GitHub at ${context.apiUrl} to comment on ${pr} (${failure.network})`
  }
  if (failure.rateLimited) return `a GitHub rate limit stopped the comment on ${pr} (HTTP ${status})`
  if (status === 401) return 'GitHub rejected GITHUB_TOKEN (401: bad or expired credentials)'
  if (status === 403) return `GitHub did not let this token comment on ${pr} (403). ${FORK_ADVICE} Meanwhile`
  if (status === 404) {
    return `pull request ${pr} was not found (404): it may have been deleted, or the token cannot see the repository`
  }
  if (status === 422) return `GitHub rejected the comment on ${pr} (422: the body is invalid or too large)`
  if (status >= 500) {
    return `GitHub failed with HTTP ${status} ${context.tries} times while trying to ${failure.operation} on ${pr}`
  }
  return `GitHub answered HTTP ${status} while trying to ${failure.operation} on ${pr}`
}

/**
 * One line saying what went wrong and what to do, built from the status alone: error messages
 * from the HTTP client can quote the request, and its headers carry the token.
 */
export function failureWarning(failure: GitHubFailure, context: FailureContext): string {
  const { owner, repo, number } = context.target
  const explanation = explain(failure, `${owner}/${repo}#${number}`, context)
  const separator = failure.status === 403 && !failure.rateLimited ? ' ' : '; '
  const retry =
    failure.rateLimited || (failure.status ?? 500) >= 500 ? ' Re-run the job later to post it.' : ''
  return `perfgate: ${explanation}${separator}${fallback(context.summaryWritten)}.${retry}`
}
