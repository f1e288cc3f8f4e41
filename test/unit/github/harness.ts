import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, expect } from 'vitest'
import type { FakeGitHub } from './fake-github.js'
import { startFakeGitHub } from './fake-github.js'
import type { OpenApiValidator } from './openapi.js'
import { loadOpenApi } from './openapi.js'

/** A token that must never show up in any output. */
export const TOKEN = 'ghs_SECRETtokenvalue123'

/** A scratch directory with an event payload, an empty job summary and captured output. */
export function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-github-'))
  const out: string[] = []
  const err: string[] = []
  const sleeps: number[] = []
  const event = (payload: unknown) => {
    const path = join(dir, `event-${Math.random().toString(36).slice(2)}.json`)
    writeFileSync(path, JSON.stringify(payload))
    return path
  }
  const summary = join(dir, 'summary.md')
  writeFileSync(summary, '')
  return {
    dir,
    summary,
    event,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    out: () => out.join(''),
    err: () => err.join(''),
    sleeps,
    retry: { sleep: async (ms: number) => void sleeps.push(ms) },
    /** Environment of a `pull_request` job on PR #12 of the fake server's repository. */
    env(
      gh: FakeGitHub,
      overrides: Record<string, string | undefined> = {},
    ): Record<string, string | undefined> {
      return {
        GITHUB_ACTIONS: 'true',
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event({ action: 'synchronize', number: 12, pull_request: { number: 12 } }),
        GITHUB_TOKEN: TOKEN,
        GITHUB_STEP_SUMMARY: summary,
        ...overrides,
      }
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/**
 * Hooks for a test file that talks to a fake GitHub: parses the OpenAPI description once, starts
 * a server and a workspace per test, and after each test checks that every request was valid
 * and that the token appeared in no output.
 */
export function useFakeGitHub() {
  const state = {} as { validator: OpenApiValidator; gh: FakeGitHub; ws: ReturnType<typeof workspace> }
  beforeAll(() => {
    state.validator = loadOpenApi()
  }, 60_000)
  beforeEach(async () => {
    state.gh = await startFakeGitHub({ token: TOKEN, validator: state.validator })
    state.gh.open(12)
    state.ws = workspace()
  })
  afterEach(async () => {
    expect(state.gh.invalid).toEqual([])
    expect(state.ws.out()).not.toContain(TOKEN)
    expect(state.ws.err()).not.toContain(TOKEN)
    expect(readFileSync(state.ws.summary, 'utf8')).not.toContain(TOKEN)
    await state.gh.close()
    state.ws.dispose()
  })
  return state
}

/** A fixture report's path. */
export const reportPath = (name: string) =>
  new URL(`../../fixtures/reports/${name}.json`, import.meta.url).pathname
