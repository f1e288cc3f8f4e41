import { appendFile as fsAppendFile } from 'node:fs/promises'

export type AppendFile = (path: string, text: string) => Promise<void>

/**
 * Appends markdown to the job summary (`GITHUB_STEP_SUMMARY`), which GitHub shows on the run's
 * page. Resolves to false when the variable is not set (not on GitHub Actions); rejects when
 * the file cannot be written.
 */
export async function appendStepSummary(
  env: Record<string, string | undefined>,
  markdown: string,
  appendFile: AppendFile = (path, text) => fsAppendFile(path, text, 'utf8'),
): Promise<boolean> {
  const path = env.GITHUB_STEP_SUMMARY?.trim()
  if (!path) return false
  // A blank line after, so a later step's summary starts a block of its own.
  await appendFile(path, markdown.endsWith('\n') ? `${markdown}\n` : `${markdown}\n\n`)
  return true
}
