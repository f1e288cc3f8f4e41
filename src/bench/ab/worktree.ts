import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmdirSync, rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { PerfgateError } from '../../errors.js'
import { git } from './git.js'

/** A checked-out base version: where it is, and how to remove it. */
export interface Worktree {
  /** Top of the temporary worktree. */
  dir: string
  /** The project root inside it (the same path below the git top level as the current root). */
  root: string
  /** Removes the worktree; safe to call more than once. */
  remove(): Promise<void>
  /** The same, synchronously, for a process that is about to exit. */
  removeSync(): void
}

/**
 * Where base versions are checked out, inside the project. Node resolves packages by walking up
 * from the importing file, so the base's imports find the installed node_modules of the project
 * (and of any directory above it, as in a monorepo) without a link or a second install. The
 * leading dot keeps bench discovery (and most tools' globs) out of it.
 */
export const WORKTREES_DIR = join('.perfgate', 'worktrees')

function removeSync(top: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  try {
    rmdirSync(dirname(dir)) // only when no other run has a worktree there
  } catch {
    // Not empty, or already gone.
  }
  try {
    execFileSync('git', ['worktree', 'prune'], { cwd: top, stdio: 'ignore' })
  } catch {
    // The next A/B run prunes it.
  }
}

/** Checks `commit` out into a temporary `git worktree` under the project root. */
export async function addWorktree(top: string, root: string, commit: string): Promise<Worktree> {
  const parent = join(root, WORKTREES_DIR)
  mkdirSync(parent, { recursive: true })
  const dir = mkdtempSync(join(parent, 'base-'))
  try {
    await git(top, ['worktree', 'add', '--detach', '--force', dir, commit])
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    const stderr = (error as { stderr?: string }).stderr ?? String(error)
    throw new PerfgateError('GIT', `could not check ${commit.slice(0, 12)} out into a worktree: ${stderr}`)
  }
  let removed = false
  return {
    dir,
    root: join(dir, relative(top, root)),
    async remove() {
      if (removed) return
      removed = true
      await git(top, ['worktree', 'remove', '--force', dir]).catch(() => undefined)
      removeSync(top, dir)
    },
    removeSync() {
      if (removed) return
      removed = true
      removeSync(top, dir)
    },
  }
}
