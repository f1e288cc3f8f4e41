/**
 * JSON.parse with an error message a user can act on. Node 20's own messages for many syntax
 * errors carry no position (`Unexpected token 'o', "…" is not valid JSON`) and quote the text,
 * so on failure a small scanner finds where the text stops being JSON.
 */
export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string }

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPE = /["\\/bfnrt]|u[0-9a-fA-F]{4}/y

// A recursive-descent reader that only validates: it throws at the first offset that cannot
// continue a JSON text, and returns the offset after a complete value.
class Scanner {
  private offset = 0

  constructor(private readonly text: string) {}

  scan(): void {
    this.value()
    this.skipSpace()
    if (this.offset < this.text.length) this.fail('after the end of the JSON value')
  }

  private fail(context = ''): never {
    const char = this.text[this.offset]
    const what =
      char === undefined ? 'unexpected end of the text (truncated?)' : `unexpected ${JSON.stringify(char)}`
    throw new JsonSyntaxError(this.offset, context ? `${what} ${context}` : what)
  }

  private skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text[this.offset] ?? '')) this.offset++
  }

  private expect(char: string): void {
    if (this.text[this.offset] !== char) this.fail(`where ${JSON.stringify(char)} was expected`)
    this.offset++
  }

  private value(): void {
    this.skipSpace()
    const char = this.text[this.offset]
    if (char === '{') this.container('}', () => this.member())
    else if (char === '[') this.container(']', () => this.value())
    else if (char === '"') this.string()
    else if (char === 't' || char === 'f' || char === 'n') this.literal()
    else this.number()
  }

  private container(close: string, item: () => void): void {
    this.offset++
    this.skipSpace()
    if (this.text[this.offset] === close) {
      this.offset++
      return
    }
    for (;;) {
      item()
      this.skipSpace()
      if (this.text[this.offset] === close) break
      this.expect(',')
    }
    this.offset++
  }

  private member(): void {
    this.skipSpace()
    if (this.text[this.offset] !== '"') this.fail('where a quoted property name was expected')
    this.string()
    this.skipSpace()
    this.expect(':')
    this.value()
  }

  private string(): void {
    this.offset++
    for (;;) {
      const char = this.text[this.offset]
      if (char === undefined) this.fail('inside a string')
      if (char === '"') break
      if (char < ' ') this.fail('(a control character) inside a string')
      this.offset++
      if (char === '\\') this.matchAt(ESCAPE, 'after a backslash')
    }
    this.offset++
  }

  private literal(): void {
    const word = ['true', 'false', 'null'].find((w) => this.text.startsWith(w, this.offset))
    if (!word) this.fail()
    this.offset += word.length
  }

  private number(): void {
    this.matchAt(NUMBER)
  }

  private matchAt(pattern: RegExp, context = ''): void {
    pattern.lastIndex = this.offset
    const match = pattern.exec(this.text)
    if (!match) this.fail(context)
    this.offset += match[0].length
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}

function syntaxMessage(text: string, fallback: string): string {
  try {
    new Scanner(text).scan()
  } catch (error) {
    if (error instanceof JsonSyntaxError) return `${error.reason} at ${lineAndColumn(text, error.offset)}`
    throw error
  }
  return fallback
}

/** Parses JSON text; a failure's message says what went wrong and where (line and column). */
export function parseJsonText(text: string): JsonResult {
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (body.trim() === '') return { ok: false, message: 'invalid JSON: the file is empty' }
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch (error) {
    return { ok: false, message: `invalid JSON: ${syntaxMessage(body, (error as Error).message)}` }
  }
}
