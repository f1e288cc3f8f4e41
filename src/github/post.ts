import { readFile as fsReadFile } from 'node:fs/promises'
import { COMMENT_MARKER, renderMarkdown, renderStepSummary } from '../report/markdown/index.js'
import type { RunReport } from '../types.js'
import { upsertComment } from './comments.js'
import type { PullRequestTarget } from './event.js'
import { readPullRequestContext } from './event.js'
import { GitHubFailure } from './failure.js'
import { createOctokit } from './octokit.js'
import type { RetryOptions } from './retry.js'
import { DEFAULT_TRIES } from './retry.js'
import type { AppendFile } from './summary.js'
import { appendStepSummary } from './summary.js'
import { failureWarning, noPullRequestNote, noTokenWarning } from './warnings.js'

interface Output {
  write(chunk: string): unknown
}

export interface PostReportInput {
  report: RunReport
  env: Record<string, string | undefined>
  /** Receives the link to the comment once posted. */
  stdout: Output
  /** Receives one-line warnings; nothing perfgate prints here contains the token. */
  stderr: Output
  /** Heading of the comment (default `perfgate`). */
  title?: string
  userAgent?: string
  retry?: RetryOptions
  readFile?: (path: string) => Promise<string>
  appendFile?: AppendFile
}

export interface PostReportResult {
  summary: 'written' | 'not set' | 'failed'
  comment: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed'
  url?: string
}

// Defence in depth: whatever ends up in a line we print, the token does not.
function writer(stream: Output, token: string | undefined): (line: string) => void {
  return (line) => {
    stream.write(`${token ? line.split(token).join('***') : line}\n`)
  }
}

async function writeSummary(
  input: PostReportInput,
  warn: (line: string) => void,
): Promise<PostReportResult['summary']> {
  try {
    const options = input.title === undefined ? {} : { title: input.title }
    const written = await appendStepSummary(
      input.env,
      renderStepSummary(input.report, options),
      input.appendFile,
    )
    return written ? 'written' : 'not set'
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const why = typeof code === 'string' ? code : 'write failed'
    warn(`perfgate: could not write the job summary to GITHUB_STEP_SUMMARY (${why}).`)
    return 'failed'
  }
}

async function comment(
  input: PostReportInput,
  target: PullRequestTarget,
  apiUrl: string,
  token: string,
): Promise<{ action: 'created' | 'updated' | 'unchanged'; url: string }> {
  const octokit = await createOctokit({
    apiUrl,
    token,
    ...(input.userAgent === undefined ? {} : { userAgent: input.userAgent }),
    ...(input.retry === undefined ? {} : { retry: input.retry }),
  })
  const body = renderMarkdown(input.report, input.title === undefined ? {} : { title: input.title })
  const { owner, repo, number } = target
  return upsertComment({ octokit, owner, repo, issueNumber: number, body, marker: COMMENT_MARKER })
}

/**
 * Publishes a run report on GitHub (SPEC §7): always appends it to the job summary first (when
 * `GITHUB_STEP_SUMMARY` is set), then creates or updates perfgate's one comment on the pull
 * request. Every GitHub problem (no token, a fork's read-only token, a deleted pull request, a
 * rejected body, an outage) becomes a one-line warning on `stderr`: it never throws for them
 * and has no say in the run's verdict.
 */
export async function postReport(input: PostReportInput): Promise<PostReportResult> {
  const token = input.env.GITHUB_TOKEN?.trim() || undefined
  const warn = writer(input.stderr, token)
  const summary = await writeSummary(input, warn)
  const summaryWritten = summary === 'written'
  const context = await readPullRequestContext(
    input.env,
    input.readFile ?? ((path) => fsReadFile(path, 'utf8')),
  )
  if (!context.target) {
    warn(noPullRequestNote(context.reason, summaryWritten))
    return { summary, comment: 'skipped' }
  }
  if (!context.token) {
    warn(noTokenWarning(summaryWritten))
    return { summary, comment: 'skipped' }
  }
  const { target, apiUrl } = context
  try {
    const result = await comment(input, target, apiUrl, context.token)
    const verb = result.action === 'unchanged' ? 'left unchanged' : result.action
    writer(
      input.stdout,
      token,
    )(`perfgate: ${verb} the comment on ${target.owner}/${target.repo}#${target.number}: ${result.url}`)
    return { summary, comment: result.action, url: result.url }
  } catch (error) {
    if (!(error instanceof GitHubFailure)) throw error
    const tries = input.retry?.tries ?? DEFAULT_TRIES
    warn(failureWarning(error, { target, apiUrl, summaryWritten, tries }))
    return { summary, comment: 'failed' }
  }
}
