/**
 * Everything a CLI command touches of its process. Commands take this instead of reaching for
 * `process`, so tests can run them in-process with captured output and a fake environment.
 */
export interface OutputStream {
  write(chunk: string): unknown
  isTTY?: boolean
}

export interface CliContext {
  /** Arguments after the command name, e.g. `['report.json', '--dry-run']`. */
  argv: string[]
  cwd: string
  env: Record<string, string | undefined>
  stdout: OutputStream
  stderr: OutputStream
}

/** A command resolves to the process exit code: 0 success, 1 gate failure, 2 usage or input error. */
export type Command = (ctx: CliContext) => Promise<number>
