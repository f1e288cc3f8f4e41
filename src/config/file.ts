import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseJsonText } from '../baseline/json-text.js'
import { PerfgateError } from '../errors.js'
import { checkOptions } from './check.js'
import type { PerfgateUserOptions } from './types.js'

/** Looked for in the project root, in this order; the first found is used. */
export const CONFIG_FILES = [
  'perfgate.config.mjs',
  'perfgate.config.js',
  'perfgate.config.cjs',
  'perfgate.config.json',
]

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  )
}

async function readJsonConfig(path: string, name: string): Promise<unknown> {
  const json = parseJsonText(await readFile(path, 'utf8'))
  if (!json.ok) throw new PerfgateError('BAD_CONFIG', `${name}: ${json.message}`)
  return json.value
}

// `export default {…}` and `module.exports = {…}` both arrive as the namespace's `default`.
async function importConfig(path: string, name: string): Promise<unknown> {
  let namespace: { default?: unknown }
  try {
    namespace = (await import(pathToFileURL(path).href)) as { default?: unknown }
  } catch (error) {
    throw new PerfgateError(
      'BAD_CONFIG',
      `${name} could not be loaded: ${(error as Error).message ?? error}`,
      {
        cause: error,
      },
    )
  }
  if (namespace.default === undefined) {
    throw new PerfgateError(
      'BAD_CONFIG',
      `${name} has no default export; write \`export default { … }\` (or \`module.exports = { … }\` in CommonJS).`,
    )
  }
  return namespace.default
}

/**
 * The first `perfgate.config.{mjs,js,cjs,json}` in `root`, checked; undefined when there is
 * none. A file that cannot be loaded or holds bad options is a `BAD_CONFIG` error naming it.
 */
export async function loadConfigFile(
  root: string,
): Promise<{ path: string; options: PerfgateUserOptions } | undefined> {
  for (const name of CONFIG_FILES) {
    const path = join(root, name)
    if (!(await isFile(path))) continue
    const value = name.endsWith('.json') ? await readJsonConfig(path, name) : await importConfig(path, name)
    return { path, options: checkOptions(value, name) }
  }
  return undefined
}
