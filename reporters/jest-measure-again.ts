import { basename, resolve } from 'node:path'
import type { MeasureAgain } from '../src/run/confirm-run.js'
import { measureAgainWith } from '../src/run/measure-again.js'
import { suiteCommand } from '../src/run/suite-command.js'

/** `--config`/`-c` as this Jest was given it: a re-run must use the same configuration. */
export function configArguments(argv: readonly string[]): string[] {
  const kept: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if ((arg === '--config' || arg === '-c') && i + 1 < argv.length) kept.push(arg, argv[++i]!)
    else if (arg.startsWith('--config=')) kept.push(arg)
  }
  return kept
}

/**
 * Runs test files again the way this Jest was started — same Node flags (ESM projects need
 * `--experimental-vm-modules`), same Jest script, same config — exactly those paths. When Jest
 * was started from another script (its programmatic API), the project's own `jest` runs instead.
 */
export function jestMeasureAgain(root: string): MeasureAgain {
  const [, script, ...args] = process.argv
  const config = configArguments(args)
  const started = script !== undefined && /^jest(\.js)?$/.test(basename(script))
  // From where Jest was started (its config may live above a `rootDir`), with absolute paths.
  const paths = (files: readonly string[]) => [
    '--runTestsByPath',
    ...files.map((file) => resolve(root, file)),
  ]
  return measureAgainWith(
    (files) =>
      started
        ? [process.execPath, ...process.execArgv, script, ...config, ...paths(files)]
        : suiteCommand(root, 'jest', [...config, ...paths(files)]),
    process.cwd(),
    process.env,
  )
}
