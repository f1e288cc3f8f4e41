/**
 * Errors the user can act on. They carry a stable `code` and a message that names the file,
 * option or value at fault and says what to do; the CLI prints them without a stack trace.
 * Anything else that escapes is a bug and is printed with its stack.
 */
export type PerfgateErrorCode =
  | 'BAD_ARGUMENT'
  | 'BAD_OPTION'
  | 'BAD_CONFIG'
  | 'BAD_BASELINE'
  | 'BAD_REPORT'
  | 'BAD_MARKERS'
  | 'TIMEOUT'
  | 'GITHUB'
  | 'GIT'
  | 'NOT_FOUND'

export class PerfgateError extends Error {
  override readonly name = 'PerfgateError'
  readonly code: PerfgateErrorCode

  constructor(code: PerfgateErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

export function isPerfgateError(error: unknown): error is PerfgateError {
  return error instanceof Error && (error as { name?: unknown }).name === 'PerfgateError' && 'code' in error
}
