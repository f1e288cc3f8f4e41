/**
 * A real HTTP server on 127.0.0.1 speaking the slice of GitHub's REST API perfgate uses (list,
 * create and update issue comments), keeping comments in memory. Every request is checked
 * against GitHub's OpenAPI description; scripted faults stand in for GitHub's bad days.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { OpenApiValidator } from './openapi.js'

export interface StoredComment {
  id: number
  body: string
}

/** A scripted answer for the next requests matching `method` (all when absent). */
export interface Fault {
  status: number
  headers?: Record<string, string>
  body?: unknown
  method?: string
  /** How many requests it answers (default 1). */
  times?: number
}

export interface RecordedRequest {
  method: string
  path: string
  query: string
  authorization: string | undefined
  body: string
}

export interface FakeGitHub {
  /** API root to put in GITHUB_API_URL. */
  url: string
  owner: string
  repo: string
  requests: RecordedRequest[]
  /** Requests GitHub's OpenAPI description does not allow; tests expect none. */
  invalid: string[]
  comments(issue: number): StoredComment[]
  seed(issue: number, bodies: readonly string[]): void
  /** Makes `issue` a pull request that exists (others answer 404, as deleted ones do). */
  open(issue: number): void
  fail(fault: Fault): void
  close(): Promise<void>
}

const MAX_BODY = 65_536

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(text)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startFakeGitHub(options: {
  token: string
  validator: OpenApiValidator
}): Promise<FakeGitHub> {
  const owner = 'acme'
  const repo = 'widgets'
  const issues = new Map<number, StoredComment[]>()
  const faults: Fault[] = []
  const requests: RecordedRequest[] = []
  const invalid: string[] = []
  let nextId = 1000
  let base = ''

  const json = (c: StoredComment, issue: number) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${base}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.example/${owner}/${repo}/pull/${issue}#issuecomment-${c.id}`,
    issue_url: `${base}/repos/${owner}/${repo}/issues/${issue}`,
    body: c.body,
    user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
    author_association: 'NONE',
  })

  function list(res: ServerResponse, issue: number, query: URLSearchParams): void {
    const all = issues.get(issue)!
    const perPage = Math.min(100, Number(query.get('per_page') ?? 30))
    const page = Number(query.get('page') ?? 1)
    const last = Math.max(1, Math.ceil(all.length / perPage))
    const link = (p: number, rel: string) =>
      `<${base}/repos/${owner}/${repo}/issues/${issue}/comments?per_page=${perPage}&page=${p}>; rel="${rel}"`
    const links = [
      ...(page > 1 ? [link(page - 1, 'prev'), link(1, 'first')] : []),
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
    ]
    const slice = all.slice((page - 1) * perPage, page * perPage).map((c) => json(c, issue))
    send(res, 200, slice, links.length ? { link: links.join(', ') } : {})
  }

  function route(req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
    const method = req.method ?? 'GET'
    const prefix = `/repos/${owner}/${repo}/issues/`
    const listMatch = /^(\d+)\/comments$/.exec(url.pathname.slice(prefix.length))
    const editMatch = /^comments\/(\d+)$/.exec(url.pathname.slice(prefix.length))
    if (!url.pathname.startsWith(prefix)) {
      send(res, 404, { message: 'Not Found' })
      return
    }
    if (listMatch && issues.has(Number(listMatch[1]))) {
      const issue = Number(listMatch[1])
      if (method === 'GET') {
        list(res, issue, url.searchParams)
        return
      }
      if (method === 'POST') {
        const text = (JSON.parse(body) as { body: string }).body
        if (text.length > MAX_BODY) {
          send(res, 422, {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'IssueComment',
                code: 'custom',
                field: 'body',
                message: 'body is too long (maximum is 65536 characters)',
              },
            ],
          })
          return
        }
        const comment = { id: nextId++, body: text }
        issues.get(issue)!.push(comment)
        send(res, 201, json(comment, issue))
        return
      }
    }
    if (editMatch && method === 'PATCH') {
      const id = Number(editMatch[1])
      for (const [issue, comments] of issues) {
        const comment = comments.find((c) => c.id === id)
        if (comment) {
          comment.body = (JSON.parse(body) as { body: string }).body
          send(res, 200, json(comment, issue))
          return
        }
      }
    }
    send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base)
    const body = await readBody(req)
    const method = req.method ?? 'GET'
    requests.push({
      method,
      path: url.pathname,
      query: url.search,
      authorization: req.headers.authorization,
      body,
    })
    const problems = options.validator.check({ method, url, contentType: req.headers['content-type'], body })
    if (problems.length > 0) {
      invalid.push(...problems)
      return send(res, 400, { message: problems.join('; ') })
    }
    if (req.headers.authorization !== `token ${options.token}`)
      return send(res, 401, { message: 'Bad credentials' })
    const fault = faults.find((f) => !f.method || f.method === method)
    if (fault) {
      fault.times = (fault.times ?? 1) - 1
      if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1)
      return send(res, fault.status, fault.body ?? { message: `fault ${fault.status}` }, fault.headers)
    }
    route(req, res, url, body)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: base,
    owner,
    repo,
    requests,
    invalid,
    comments: (issue) => issues.get(issue) ?? [],
    open: (issue) => {
      if (!issues.has(issue)) issues.set(issue, [])
    },
    seed: (issue, bodies) => {
      if (!issues.has(issue)) issues.set(issue, [])
      for (const body of bodies) issues.get(issue)!.push({ id: nextId++, body })
    },
    fail: (fault) => {
      faults.push(fault)
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
