import { randomBytes } from 'node:crypto'
import { rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Writes `text` to `path` through a temporary file in the same directory and a rename, so a
 * crash or a full disk leaves either the old file or the new one, never half of one. Keeps the
 * file's permissions.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const mode = await stat(path).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  )
  try {
    await writeFile(temporary, text, mode === undefined ? { encoding: 'utf8' } : { encoding: 'utf8', mode })
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
