import { pathToFileURL } from 'node:url'
import type { Collection } from '../registry.js'
import { endCollection, startCollection } from '../registry.js'

const TYPESCRIPT = /\.[cm]?tsx?$/

let typescriptReady: Promise<void> | undefined

/**
 * Lets Node import TypeScript, through tsx: the loader most Node tooling uses to run `.ts`
 * without a build step (esbuild transpiles, nothing type-checks). Both hooks are needed: a `.ts`
 * file in a package without `"type": "module"` is CommonJS and goes through `require`.
 * Registered only when a TypeScript file is loaded, since it costs about 0.2 s per process.
 */
function registerTypeScript(): Promise<void> {
  typescriptReady ??= (async () => {
    const [esm, cjs] = await Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')])
    esm.register()
    cjs.register()
  })()
  return typescriptReady
}

/** A thrown value as one readable line plus where it was thrown, for messages to the user. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const frame = error.stack
    ?.split('\n')
    .find((line) => /^\s+at /.test(line) && !line.includes('node:') && !line.includes('/perfgate/dist/'))
  const head = `${error.name}: ${error.message}`
  return frame ? `${head}\n    ${frame.trim()}` : head
}

/** Imports a bench file and returns what it declared, or the error its import threw. */
export async function loadBenchFile(path: string): Promise<{ collection: Collection } | { error: string }> {
  if (TYPESCRIPT.test(path)) await registerTypeScript()
  const collection = startCollection()
  try {
    await import(pathToFileURL(path).href)
    return { collection }
  } catch (error) {
    return { error: describeError(error) }
  } finally {
    endCollection()
  }
}
