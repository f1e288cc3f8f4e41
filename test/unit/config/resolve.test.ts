import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { DEFAULT_CONFIG, resolveConfig } from '../../../src/config/index.js'
import { temporaryRoot } from '../baseline/make.js'

test('defaults alone', async () => {
  const root = await temporaryRoot()
  expect(await resolveConfig({ root, env: {} })).toEqual({
    config: DEFAULT_CONFIG,
    update: false,
    sources: ['defaults'],
  })
})

test('defaults < config file < plugin options < environment', async () => {
  const root = await temporaryRoot()
  await writeFile(
    join(root, 'perfgate.config.json'),
    JSON.stringify({ baselineDir: 'from-file', threshold: 0.3, alpha: 0.05, github: 'off' }),
  )
  const resolved = await resolveConfig({
    root,
    pluginOptions: { baselineDir: 'from-plugin', threshold: 0.2 },
    env: { PERFGATE_BASELINE_DIR: 'from-env', PERFGATE_UPDATE: '1', PERFGATE_REPORT: 'off' },
  })
  expect(resolved).toEqual({
    config: {
      ...DEFAULT_CONFIG,
      baselineDir: 'from-env',
      threshold: 0.2,
      alpha: 0.05,
      github: 'off',
      report: false,
    },
    update: true,
    sources: [
      'defaults',
      'perfgate.config.json',
      'perfgate() plugin options',
      'PERFGATE_UPDATE',
      'PERFGATE_BASELINE_DIR',
      'PERFGATE_REPORT',
    ],
  })
})

test('bad plugin options are named with their source', async () => {
  const root = await temporaryRoot()
  await expect(
    resolveConfig({
      root,
      pluginOptions: { alpha: 2 },
      pluginSource: 'perfgate/jest-reporter options',
      env: {},
    }),
  ).rejects.toThrow('perfgate/jest-reporter options: option "alpha" must be')
})

test('a bad config file stops resolution', async () => {
  const root = await temporaryRoot()
  await writeFile(join(root, 'perfgate.config.json'), '{"report": 1}')
  await expect(resolveConfig({ root, env: {} })).rejects.toMatchObject({
    code: 'BAD_CONFIG',
    message: 'perfgate.config.json: option "report" must be a file path, or false to write no report, got 1.',
  })
})

test('empty plugin options are not a source', async () => {
  const root = await temporaryRoot()
  expect((await resolveConfig({ root, pluginOptions: {}, env: {} })).sources).toEqual(['defaults'])
})
