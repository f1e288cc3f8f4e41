import { relative, sep } from 'node:path'

/** Project-relative path with `/` separators, as stored in baselines and reports on every OS. */
export function projectPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/')
}
