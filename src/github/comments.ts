import type { GitHubOperation } from './failure.js'
import { failureOf } from './failure.js'
import type { Octokit } from './octokit.js'

export interface UpsertCommentInput {
  octokit: Octokit
  owner: string
  repo: string
  issueNumber: number
  body: string
  /** Hidden marker our comment starts with, e.g. `<!-- perfgate -->`. */
  marker: string
}

export interface UpsertCommentResult {
  action: 'created' | 'updated' | 'unchanged'
  id: number
  /** Link to the comment on github.com. */
  url: string
}

interface IssueComment {
  id: number
  body?: string | undefined
  html_url: string
}

// Ours starts with the marker; a reply that quotes it somewhere further down is not ours.
function isOurs(comment: IssueComment, marker: string): boolean {
  return comment.body?.trimStart().startsWith(marker) ?? false
}

async function step<T>(operation: GitHubOperation, request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    throw failureOf(error, operation)
  }
}

/** The first comment on the issue that starts with `marker`, reading 100 comments a page. */
export async function findComment(
  input: Omit<UpsertCommentInput, 'body'>,
): Promise<IssueComment | undefined> {
  const { octokit, owner, repo, issueNumber, marker } = input
  return step('list comments', async () => {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100,
    })
    for await (const page of pages) {
      const found = page.data.find((comment) => isOurs(comment, marker))
      if (found) return found
    }
    return undefined
  })
}

/**
 * Updates perfgate's comment on the pull request, found by its marker, or creates it when there
 * is none: one comment per pull request, however often the job runs. A failure of any request
 * throws a `GitHubFailure` naming the step and the status, and nothing else.
 */
export async function upsertComment(input: UpsertCommentInput): Promise<UpsertCommentResult> {
  const { octokit, owner, repo, issueNumber, body } = input
  const existing = await findComment(input)
  if (existing?.body === body) return { action: 'unchanged', id: existing.id, url: existing.html_url }
  if (existing) {
    const { data } = await step('update the comment', () =>
      octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }),
    )
    return { action: 'updated', id: data.id, url: data.html_url }
  }
  const { data } = await step('create the comment', () =>
    octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }),
  )
  return { action: 'created', id: data.id, url: data.html_url }
}
