/**
 * Structural checks of a rendered comment, standing in for GitHub's renderer: what a test
 * name could break if escaping failed.
 */

/** The HTML perfgate itself writes; anything else in the output came from user text. */
const ALLOWED_TAGS = /^<\/?(details|summary|sub|br)>/

export function problems(markdown: string): string[] {
  const found: string[] = []
  const lines = markdown.split('\n')
  if (lines[0] !== '<!-- perfgate -->') found.push('the marker is not the first line')
  if ((markdown.match(/<!--/g) ?? []).length !== 1) found.push('an HTML comment besides the marker')
  let depth = 0
  let fence = false
  let columns: number | undefined
  for (const [i, line] of lines.entries()) {
    if (line.startsWith('```')) fence = !fence
    if (fence || line.startsWith('```')) continue
    for (const tag of line.matchAll(/<[^ ]/g)) {
      const rest = line.slice(tag.index)
      if (!ALLOWED_TAGS.test(rest) && !rest.startsWith('<!-- perfgate -->'))
        found.push(`line ${i + 1}: stray tag ${rest.slice(0, 20)}`)
    }
    depth += (line.match(/<details>/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length
    if (depth < 0) found.push(`line ${i + 1}: </details> without <details>`)
    if (line.startsWith('|')) {
      // Every user `|` is a character reference, so splitting on `|` counts the real cells.
      const cells = line.split('|').length - 2
      columns ??= cells
      if (cells !== columns) found.push(`line ${i + 1}: ${cells} cells, expected ${columns}`)
      if (!line.endsWith(' |')) found.push(`line ${i + 1}: row does not end with a pipe`)
    } else {
      columns = undefined
    }
    if (/(^|[^\w\u200d])@[A-Za-z0-9]/.test(line)) found.push(`line ${i + 1}: a mention`)
    if (/#\d/.test(line.replace(/&#\d+;/g, ''))) found.push(`line ${i + 1}: an issue reference`)
    if (/\[[^\]]*\]\(/.test(line)) found.push(`line ${i + 1}: a link`)
  }
  if (depth !== 0) found.push('unbalanced <details>')
  if (fence) found.push('unterminated code fence')
  return found
}
