import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')

describe('examples/github', () => {
  test('same-repository workflow: can write pull requests; the reporter posts with the token', () => {
    const yml = read('examples/github/perf.yml')
    expect(yml).toContain('pull-requests: write')
    expect(yml).toMatch(/run: npx vitest run --reporter default --reporter perf\n\s+env:\n\s+GITHUB_TOKEN/)
    expect(yml).toMatch(/GITHUB_TOKEN: \$\{\{ secrets\.GITHUB_TOKEN \}\}/)
  })

  test('fork recipe: the comment workflow follows the pull-request workflow by name', () => {
    const pr = read('examples/github/perf-pr.yml')
    const comment = read('examples/github/perf-comment.yml')
    const name = /^name: (.+)$/m.exec(pr)?.[1]
    expect(comment).toContain(`workflows: ["${name}"]`)
    expect(pr).not.toContain('secrets.')
    expect(pr).not.toContain('pull-requests: write')
    expect(comment).toContain('PERFGATE_PR=$pr')
    expect(comment).toContain('npx perfgate comment perfgate-artifact/report.json')
  })
})

describe('src/github', () => {
  // Users who never post must not pay for loading Octokit.
  test('imports @octokit/rest only lazily', () => {
    for (const file of readdirSync(new URL('../../../src/github/', import.meta.url))) {
      const source = read(`src/github/${file}`)
      expect(source, file).not.toMatch(/^import (?!type )[^\n]*'@octokit\//m)
    }
  })
})
