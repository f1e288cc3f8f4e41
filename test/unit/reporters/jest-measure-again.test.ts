import { expect, test } from 'vitest'
import { configArguments } from '../../../reporters/jest-measure-again.js'

test('a re-run keeps the config Jest was given, in every spelling, and nothing else', () => {
  expect(configArguments(['--ci', '--config', 'jest.perf.js', '--json', '--outputFile=out.json'])).toEqual([
    '--config',
    'jest.perf.js',
  ])
  expect(configArguments(['-c', 'a.json', '--config={"x":1}', 'gate.test.js'])).toEqual([
    '-c',
    'a.json',
    '--config={"x":1}',
  ])
  expect(configArguments(['--config'])).toEqual([])
})
