/** Ctrl-C (SIGINT) and SIGTERM during a bench run. */
export interface Interruption {
  /** Aborted on the first signal: the runner kills its worker and unwinds through its cleanups. */
  signal: AbortSignal
  /** Registers what must happen even when a second signal forces an immediate exit. */
  onForcedExit(cleanup: () => void): void
  /** Removes the signal handlers. */
  dispose(): void
}

/** Exit code of a run stopped by a signal (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130

/**
 * Takes over SIGINT and SIGTERM for the run: the first one stops it in order (worker killed,
 * worktree removed, nothing written); a second one, for an impatient user, runs the registered
 * cleanups synchronously and exits at once.
 */
export function watchInterrupts(): Interruption {
  const controller = new AbortController()
  const cleanups: (() => void)[] = []
  const handler = () => {
    if (!controller.signal.aborted) return controller.abort()
    for (const cleanup of cleanups) cleanup()
    process.exit(INTERRUPTED_EXIT_CODE)
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return {
    signal: controller.signal,
    onForcedExit: (cleanup) => cleanups.push(cleanup),
    dispose() {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    },
  }
}
