import { PerfgateError } from '../../errors.js'
import { autoRef, git, gitTopLevel, resolveCommit, uncommittedChanges } from './git.js'
import type { Worktree } from './worktree.js'
import { addWorktree } from './worktree.js'

/** The base version of an A/B run, checked out. */
export interface BaseCheckout {
  ref: string
  commit: string
  worktree: Worktree
}

/** A bare `--against` (or `--against auto`) asks for the pull request's merge base. */
export const AUTO_REF = 'auto'

function dirtyError(files: readonly string[]): PerfgateError {
  const shown = files.slice(0, 5).join(', ')
  const more = files.length > 5 ? ` and ${files.length - 5} more` : ''
  return new PerfgateError(
    'GIT',
    `the working tree has uncommitted changes (${shown}${more}). A/B mode measures the working tree ` +
      'as the head version, so the result would not belong to any commit: commit or stash them, ' +
      'or pass --allow-dirty to measure them as they are.',
  )
}

/**
 * Resolves the ref, checks the working tree is clean (unless allowed), and checks the base out
 * into a temporary worktree. Every failure is a `PerfgateError` the user can act on; nothing is
 * left behind when one is thrown.
 */
export async function checkOutBase(
  root: string,
  options: { ref: string; allowDirty: boolean; env: Record<string, string | undefined> },
): Promise<BaseCheckout> {
  const top = await gitTopLevel(root)
  const ref = options.ref === AUTO_REF ? await autoRef(top, options.env) : options.ref
  const commit = await resolveCommit(top, ref)
  if (!options.allowDirty) {
    const dirty = await uncommittedChanges(top)
    if (dirty.length > 0) throw dirtyError(dirty)
  }
  // Registrations of worktrees whose directories are gone (a run that was killed) go first.
  await git(top, ['worktree', 'prune']).catch(() => undefined)
  const worktree = await addWorktree(top, root, commit)
  return {
    ref: options.ref === AUTO_REF ? `merge base with ${options.env.GITHUB_BASE_REF}` : ref,
    commit,
    worktree,
  }
}
