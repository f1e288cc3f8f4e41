import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeFileAtomic as replaceFile } from '../embed/write-file.js'

/**
 * Writes `text` to `path` atomically (temporary file in the same directory, then a rename),
 * creating the directories on the way, so a crash or a full disk never leaves half a baseline
 * or report behind.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await replaceFile(path, text)
}
