import type { Octokit } from '@octokit/rest'
import type { RetryOptions } from './retry.js'
import { withRetry } from './retry.js'

export type { Octokit }

export interface OctokitOptions {
  /** REST API root, e.g. `https://api.github.com` or a GitHub Enterprise `https://ghe.example/api/v3`. */
  apiUrl: string
  token: string
  userAgent?: string
  retry?: RetryOptions
  /** Per-attempt timeout, so a stalled connection cannot hang the job (default 30 s). */
  timeout?: number
}

// Octokit logs through `console` by default; perfgate reports through its own output streams.
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

/**
 * An Octokit for `apiUrl`, with bounded retries and a timeout on every request. `@octokit/rest`
 * is imported here, on first use, so runs that never post do not load it.
 */
export async function createOctokit(options: OctokitOptions): Promise<Octokit> {
  const { Octokit } = await import('@octokit/rest')
  const octokit = new Octokit({
    baseUrl: options.apiUrl,
    auth: options.token,
    userAgent: options.userAgent ?? 'perfgate',
    log: silent,
  })
  const timeout = options.timeout ?? 30_000
  octokit.hook.wrap('request', (request, route) =>
    withRetry(
      async () => request({ ...route, request: { ...route.request, signal: AbortSignal.timeout(timeout) } }),
      options.retry,
    ),
  )
  return octokit
}
