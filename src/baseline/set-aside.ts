import { lstat, rename } from 'node:fs/promises'

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  )
}

/**
 * Renames a baseline file that cannot be used as it is to `<path>.corrupt` (or `.corrupt.2`, …,
 * so an earlier one is never overwritten), keeping the user's data for them to inspect.
 * Returns the new path.
 */
export async function setAside(path: string): Promise<string> {
  let target = `${path}.corrupt`
  for (let n = 2; await exists(target); n++) target = `${path}.corrupt.${n}`
  await rename(path, target)
  return target
}
