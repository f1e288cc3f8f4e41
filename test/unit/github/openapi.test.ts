import { describe, expect, test } from 'vitest'
import { useFakeGitHub } from './harness.js'

const ctx = useFakeGitHub()

describe('the OpenAPI check itself', () => {
  const check = (method: string, path: string, body?: unknown) =>
    ctx.validator.check({
      method,
      url: new URL(path, 'http://127.0.0.1'),
      contentType: 'application/json',
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  test('accepts what perfgate sends', () => {
    expect(check('GET', '/repos/a/b/issues/1/comments?per_page=100&page=3')).toEqual([])
    expect(check('POST', '/repos/a/b/issues/1/comments', { body: 'x' })).toEqual([])
    expect(check('PATCH', '/repos/a/b/issues/comments/42', { body: 'x' })).toEqual([])
  })

  test('rejects wrong paths, methods, parameter types and bodies', () => {
    expect(check('GET', '/repos/a/b/issues/1/remarks')).toEqual([
      "GET /repos/a/b/issues/1/remarks is not in GitHub's REST API",
    ])
    expect(check('PUT', '/repos/a/b/issues/comments/42', { body: 'x' })).toHaveLength(1)
    expect(check('GET', '/repos/a/b/issues/one/comments')).toEqual([
      'get /repos/{owner}/{repo}/issues/{issue_number}/comments: path parameter issue_number must be an integer; got one',
    ])
    expect(check('GET', '/repos/a/b/issues/1/comments?per_page=many&sort=x')).toEqual([
      'get /repos/{owner}/{repo}/issues/{issue_number}/comments: query parameter per_page must be an integer; got many',
      'get /repos/{owner}/{repo}/issues/{issue_number}/comments: unknown query parameter sort',
    ])
    expect(check('POST', '/repos/a/b/issues/1/comments', { text: 'x' })).toEqual([
      "post /repos/{owner}/{repo}/issues/{issue_number}/comments: body must have required property 'body'",
      'post /repos/{owner}/{repo}/issues/{issue_number}/comments: body has the undeclared property text',
    ])
    expect(check('PATCH', '/repos/a/b/issues/comments/42', { body: 1 })).toEqual([
      'patch /repos/{owner}/{repo}/issues/comments/{comment_id}: body/body must be string',
    ])
  })
})
