import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { repoRoot, runProcess } from './run.js'

export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** A scratch project outside this repository, with perfgate installed from its packed tarball. */
export interface ScratchProject {
  dir: string
  write(file: string, text: string): void
}

export async function packedProject(
  dependencies: string[],
  env: Record<string, string> = {},
): Promise<ScratchProject> {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-e2e-'))
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  const packed = await runProcess(npm, ['pack', '--pack-destination', dir, '--silent'], { cwd: repoRoot })
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.output}`)
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))
  write('package.json', JSON.stringify({ name: 'scratch', private: true, type: 'module' }))
  const installed = await runProcess(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`, ...dependencies],
    { cwd: dir, timeoutMs: 170_000, env },
  )
  if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.output}`)
  return { dir, write }
}
