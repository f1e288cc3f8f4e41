import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { loadConfigFile } from '../../../src/config/file.js'
import { isPerfgateError } from '../../../src/errors.js'
import { temporaryRoot } from '../baseline/make.js'

async function project(files: Record<string, string>): Promise<string> {
  const root = await temporaryRoot()
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text)
  return root
}

async function failure(root: string): Promise<string> {
  try {
    await loadConfigFile(root)
  } catch (error) {
    if (isPerfgateError(error) && error.code === 'BAD_CONFIG') return error.message
    throw error
  }
  throw new Error('expected BAD_CONFIG')
}

describe('loadConfigFile', () => {
  test('none: undefined', async () => {
    expect(await loadConfigFile(await project({}))).toBeUndefined()
  })

  test.each([
    ['perfgate.config.mjs', 'export default { threshold: 0.2 }'],
    ['perfgate.config.js', 'export default { threshold: 0.2 }'],
    ['perfgate.config.cjs', 'module.exports = { threshold: 0.2 }'],
    ['perfgate.config.json', '{ "threshold": 0.2 }'],
  ])('%s', async (name, text) => {
    const root = await project({ 'package.json': '{"type": "module"}', [name]: text })
    expect(await loadConfigFile(root)).toEqual({ path: join(root, name), options: { threshold: 0.2 } })
  })

  test('perfgate.config.js in a CommonJS package', async () => {
    const root = await project({
      'package.json': '{}',
      'perfgate.config.js': 'module.exports = { alpha: 0.05 }',
    })
    expect((await loadConfigFile(root))?.options).toEqual({ alpha: 0.05 })
  })

  test('the first of .mjs, .js, .cjs, .json wins', async () => {
    const root = await project({
      'perfgate.config.json': '{ "alpha": 0.2 }',
      'perfgate.config.cjs': 'module.exports = { alpha: 0.1 }',
    })
    expect(await loadConfigFile(root)).toEqual({
      path: join(root, 'perfgate.config.cjs'),
      options: { alpha: 0.1 },
    })
  })

  test('a directory with a config file name is not a config file', async () => {
    const root = await project({ 'perfgate.config.json': '{ "alpha": 0.2 }' })
    await mkdir(join(root, 'perfgate.config.mjs'))
    expect((await loadConfigFile(root))?.options).toEqual({ alpha: 0.2 })
  })

  test('bad options name the file and the option', async () => {
    const root = await project({ 'perfgate.config.mjs': 'export default { treshold: 0.2 }' })
    expect(await failure(root)).toMatch(
      /^perfgate\.config\.mjs: unknown option "treshold"\. Did you mean "threshold"\?/,
    )
  })

  test('invalid JSON names the file and the position', async () => {
    const root = await project({ 'perfgate.config.json': '{\n  "alpha": 0.2,\n}' })
    expect(await failure(root)).toBe(
      'perfgate.config.json: invalid JSON: unexpected "}" where a quoted property name was expected at line 3, column 1',
    )
  })

  test('a config file that throws names the file and the error', async () => {
    const root = await project({ 'perfgate.config.mjs': 'throw new Error("no CI token")\nexport default {}' })
    expect(await failure(root)).toBe('perfgate.config.mjs could not be loaded: no CI token')
  })

  test('a config file with a syntax error names the file', async () => {
    const root = await project({ 'perfgate.config.mjs': 'export default {' })
    expect(await failure(root)).toMatch(/^perfgate\.config\.mjs could not be loaded: /)
  })

  test('no default export', async () => {
    const root = await project({ 'perfgate.config.mjs': 'export const threshold = 0.2' })
    expect(await failure(root)).toMatch(/^perfgate\.config\.mjs has no default export/)
  })
})
