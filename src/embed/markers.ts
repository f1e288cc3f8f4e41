/**
 * Finding `<!-- perfgate:start NAME -->` … `<!-- perfgate:end NAME -->` blocks in a markdown
 * file. A marker is a line of its own (up to three spaces of indentation, as for any HTML block),
 * outside fenced code, so documentation can show the markers in a code block without them
 * being replaced.
 */

/** A line of the file with its offsets; `eol` is its own line ending (`\n`, `\r\n`, `\r` or none). */
export interface Line {
  number: number
  text: string
  eol: string
  start: number
  end: number
}

/** A marked block: the region between the end of its start line and the start of its end line. */
export interface Block {
  name: string
  /** Line number of the start marker, for messages. */
  line: number
  contentStart: number
  contentEnd: number
  /** Line ending of the start marker, used for the generated content. */
  eol: string
}

export type BlocksResult = { ok: true; blocks: Block[] } | { ok: false; line: number; message: string }

export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g
  let number = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const [whole, body = '', eol = ''] = match
    if (whole === '' && match.index === text.length) break
    lines.push({ number: ++number, text: body, eol, start: match.index, end: match.index + whole.length })
  }
  return lines
}

const MARKER = /^ {0,3}<!--\s*perfgate:(start|end)(?:\s+(.*?))?\s*-->\s*$/
const MARKER_LIKE = /^ {0,3}<!--\s*perfgate:(start|end)\b/
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/

// Tracks fenced code line by line (CommonMark: a fence closes with a run of the same
// character, at least as long).
function fenceTracker(): (text: string) => boolean {
  let open: string | undefined
  return (text) => {
    const match = FENCE.exec(text)
    if (open === undefined) {
      if (match && !(match[1]!.startsWith('`') && match[2]!.includes('`'))) open = match[1]!
      return open !== undefined
    }
    if (match && match[1]![0] === open[0] && match[1]!.length >= open.length && match[2]!.trim() === '') {
      open = undefined
    }
    return true
  }
}

type Open = { name: string; line: Line }

/** The marked blocks of `text`, or the first problem with its markers and the line it is on. */
export function findBlocks(text: string): BlocksResult {
  const blocks: Block[] = []
  const seen = new Map<string, number>()
  const inFence = fenceTracker()
  let open: Open | undefined
  for (const line of splitLines(text)) {
    if (inFence(line.text)) continue
    const match = MARKER.exec(line.text)
    if (!match) {
      if (MARKER_LIKE.test(line.text)) {
        return fail(line, 'a perfgate marker must be the whole line: <!-- perfgate:start NAME -->')
      }
      continue
    }
    const kind = match[1]
    const name = match[2]?.trim() ?? ''
    if (name === '') return fail(line, `perfgate:${kind} needs a name, e.g. <!-- perfgate:${kind} all -->`)
    if (kind === 'start') {
      if (open) {
        const where = `"${open.name}", opened on line ${open.line.number}`
        return fail(line, `perfgate:start "${name}" inside ${where} (blocks cannot nest)`)
      }
      const first = seen.get(name)
      if (first !== undefined) {
        return fail(line, `a second perfgate:start "${name}" (the first is on line ${first})`)
      }
      seen.set(name, line.number)
      open = { name, line }
      continue
    }
    if (!open) return fail(line, `perfgate:end "${name}" without a perfgate:start before it`)
    if (open.name !== name) {
      return fail(
        line,
        `perfgate:end "${name}" does not match perfgate:start "${open.name}" on line ${open.line.number}`,
      )
    }
    blocks.push({
      name,
      line: open.line.number,
      contentStart: open.line.end,
      contentEnd: line.start,
      eol: open.line.eol,
    })
    open = undefined
  }
  if (open) return fail(open.line, `perfgate:start "${open.name}" has no <!-- perfgate:end ${open.name} -->`)
  return { ok: true, blocks }
}

function fail(line: Line, message: string): BlocksResult {
  return { ok: false, line: line.number, message }
}
