import { statSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import fg from 'fast-glob'

/** Bench files found by default. */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.perf.{ts,mts,cts,js,mjs,cjs}']

/** Never searched: dependencies, build output, VCS data. */
export const DEFAULT_EXCLUDE: readonly string[] = ['**/node_modules/**', '**/dist/**', '**/.git/**']

export interface DiscoverOptions {
  /** Globs relative to the root (or file and directory paths); default {@link DEFAULT_INCLUDE}. */
  include?: readonly string[]
  exclude?: readonly string[]
}

const toPosix = (path: string) => path.split(sep).join('/')

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

// A directory given on the command line means the bench files under it.
function patternsFor(root: string, include: readonly string[]): string[] {
  return include.flatMap((pattern) => {
    const relativePattern = isAbsolute(pattern) ? toPosix(relative(root, pattern)) : toPosix(pattern)
    if (!isDirectory(join(root, relativePattern))) return [relativePattern]
    const dir = relativePattern.replace(/\/+$/, '')
    return DEFAULT_INCLUDE.map((p) => (dir === '' || dir === '.' ? p : `${dir}/${p}`))
  })
}

/** Bench files under `root`: project-relative paths with `/`, sorted, each once. */
export async function discoverBenchFiles(root: string, options: DiscoverOptions = {}): Promise<string[]> {
  const patterns = patternsFor(root, options.include?.length ? options.include : DEFAULT_INCLUDE)
  const files = await fg(patterns, {
    cwd: root,
    ignore: [...DEFAULT_EXCLUDE, ...(options.exclude ?? [])],
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
  })
  return [...new Set(files)].sort()
}
