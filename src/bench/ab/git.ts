import { execFile } from 'node:child_process'
import { PerfgateError } from '../../errors.js'

/** Runs git in `cwd`; resolves to its trimmed stdout, rejects with its stderr. */
export function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr: String(stderr).trim() }))
      else resolve(String(stdout).trim())
    })
  })
}

/** The top of the git working tree containing `cwd`. */
export async function gitTopLevel(cwd: string): Promise<string> {
  try {
    return await git(cwd, ['rev-parse', '--show-toplevel'])
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT'
    throw new PerfgateError(
      'GIT',
      missing
        ? 'A/B mode needs git on the PATH: it checks the base version out with `git worktree`.'
        : `${cwd} is not inside a git repository: A/B mode (--against) checks the base version out ` +
            'with `git worktree`. Run it in a clone, or compare with stored baselines (no --against).',
    )
  }
}

const FETCH_HINT =
  'Fetch it first (e.g. `git fetch origin main`); in GitHub Actions, check out with `fetch-depth: 0`.'

/** The commit `ref` names, or a `GIT` error saying the ref does not exist. */
export async function resolveCommit(top: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new PerfgateError('BAD_ARGUMENT', `--against: "${ref}" is not a git ref.`)
  try {
    return await git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  } catch {
    throw new PerfgateError('GIT', `--against: unknown git ref "${ref}". ${FETCH_HINT}`)
  }
}

/**
 * The ref `--against auto` (or a bare `--against`) means: in a pull request, the merge base of
 * HEAD and the target branch (`GITHUB_BASE_REF`), so the PR is measured against where it forked.
 */
export async function autoRef(top: string, env: Record<string, string | undefined>): Promise<string> {
  const target = env.GITHUB_BASE_REF?.trim()
  if (!target)
    throw new PerfgateError(
      'BAD_ARGUMENT',
      "--against without a ref means the merge base with the pull request's target branch, " +
        'which is read from GITHUB_BASE_REF (set in pull_request workflows). Name a ref instead, ' +
        'e.g. `--against main`.',
    )
  for (const candidate of [`origin/${target}`, target]) {
    try {
      return await git(top, ['merge-base', 'HEAD', candidate])
    } catch {
      // Try the next spelling of the target branch.
    }
  }
  throw new PerfgateError(
    'GIT',
    `--against: no merge base of HEAD and the target branch "${target}" (origin/${target}). ${FETCH_HINT}`,
  )
}

/** Tracked files with uncommitted changes, staged or not (untracked files are not code under test). */
export async function uncommittedChanges(top: string): Promise<string[]> {
  const changed = await git(top, ['diff', 'HEAD', '--name-only'])
  return changed === '' ? [] : changed.split('\n')
}
