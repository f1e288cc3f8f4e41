import { PerfgateError } from '../errors.js'

/** What perfgate was doing when GitHub failed. */
export type GitHubOperation = 'list comments' | 'create the comment' | 'update the comment'

/**
 * A failed GitHub request, described only by what we asked and the status we got. Octokit's
 * own errors carry the request (headers included), so they are neither shown nor kept.
 */
export class GitHubFailure extends PerfgateError {
  readonly operation: GitHubOperation
  /** HTTP status, or undefined when GitHub could not be reached at all. */
  readonly status: number | undefined
  /** GitHub refused because of a rate limit rather than permissions. */
  readonly rateLimited: boolean
  /** For unreachable servers: the connection error's code (`ECONNREFUSED`) or `timed out`. */
  readonly network: string | undefined

  constructor(
    operation: GitHubOperation,
    outcome: { status: number; rateLimited: boolean } | { network: string },
  ) {
    const detail =
      'network' in outcome
        ? `GitHub could not be reached (${outcome.network})`
        : `GitHub answered HTTP ${outcome.status}${outcome.rateLimited ? ' (rate limit)' : ''}`
    super('GITHUB', `could not ${operation}: ${detail}`)
    this.operation = operation
    this.status = 'status' in outcome ? outcome.status : undefined
    this.rateLimited = 'rateLimited' in outcome && outcome.rateLimited
    this.network = 'network' in outcome ? outcome.network : undefined
  }
}

interface RequestErrorLike {
  status?: unknown
  response?: { headers?: Record<string, unknown> }
  cause?: unknown
}

function isRateLimit(status: number, headers: Record<string, unknown> = {}): boolean {
  return (
    status === 429 || headers['retry-after'] !== undefined || String(headers['x-ratelimit-remaining']) === '0'
  )
}

// A connection failure's code (ECONNREFUSED, ENOTFOUND…) or a timeout; never a message.
function networkCause(cause: unknown, depth = 0): string {
  if (typeof cause !== 'object' || cause === null || depth > 3) return 'network error'
  const { code, name, cause: inner } = cause as { code?: unknown; name?: unknown; cause?: unknown }
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code
  if (name === 'TimeoutError' || name === 'AbortError') return 'timed out'
  return networkCause(inner, depth + 1)
}

/** Converts whatever a GitHub request threw into a {@link GitHubFailure}. */
export function failureOf(error: unknown, operation: GitHubOperation): GitHubFailure {
  if (error instanceof GitHubFailure) return error
  const e = (typeof error === 'object' && error !== null ? error : {}) as RequestErrorLike
  // Octokit reports connection failures as status 500 without a response.
  if (typeof e.status !== 'number' || e.response === undefined) {
    return new GitHubFailure(operation, { network: networkCause(e.cause ?? error) })
  }
  return new GitHubFailure(operation, {
    status: e.status,
    rateLimited: isRateLimit(e.status, e.response.headers),
  })
}
