/**
 * The API bench files use: `bench(name, fn, options?)`, grouped with `describe`, with
 * `beforeAll`/`afterAll` for setup, and `benchConfig` for file-wide options. Declarations only
 * register; `perfgate bench` imports the file in a worker and runs what was registered.
 */
import type { BenchFileOptions, BenchFn, BenchOptions, Hook } from './registry.js'
import { activeCollection, addBench, withSuite } from './registry.js'

const NUMBER_OPTIONS = ['time', 'warmupTime', 'iterations', 'timeout', 'threshold'] as const
const HOOK_OPTIONS = ['beforeEach', 'afterEach'] as const
const FILE_OPTIONS = ['time', 'warmupTime', 'timeout', 'threshold', 'ab'] as const

function fail(message: string): never {
  throw new TypeError(`perfgate: ${message}`)
}

function checkNumbers(where: string, options: Record<string, unknown>): void {
  for (const name of NUMBER_OPTIONS) {
    const value = options[name]
    if (value !== undefined && !(typeof value === 'number' && value >= 0 && Number.isFinite(value)))
      fail(`${where}: option "${name}" must be a number ≥ 0; got ${String(value)}.`)
  }
}

function checkOptions(where: string, options: unknown, known: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null) fail(`${where}: options must be an object.`)
  const record = options as Record<string, unknown>
  const unknown = Object.keys(record).filter((name) => !known.includes(name))
  if (unknown.length > 0) fail(`${where}: unknown option "${unknown[0]}" (known: ${known.join(', ')}).`)
  checkNumbers(where, record)
  return record
}

function declare(name: unknown, fn: unknown, options: unknown, mode: { skip: boolean; only: boolean }) {
  if (typeof name !== 'string' || name === '') fail('bench(name, fn): name must be a non-empty string.')
  if (typeof fn !== 'function') fail(`bench("${name}", fn): fn must be a function; got ${typeof fn}.`)
  const checked = checkOptions(`bench("${name}")`, options, [...NUMBER_OPTIONS, ...HOOK_OPTIONS])
  for (const hook of HOOK_OPTIONS) {
    if (checked[hook] !== undefined && typeof checked[hook] !== 'function')
      fail(`bench("${name}"): option "${hook}" must be a function.`)
  }
  addBench(activeCollection(), {
    name,
    fn: fn as BenchFn,
    options: checked as BenchOptions,
    ...mode,
  })
}

/**
 * Declares a benchmark. `fn` may be async; it is awaited inside the timing. Run with
 * `npx perfgate bench`.
 */
export function bench(name: string, fn: BenchFn, options?: BenchOptions): void {
  declare(name, fn, options, { skip: false, only: false })
}

/** Declares a benchmark that is not run. */
bench.skip = (name: string, fn: BenchFn, options?: BenchOptions): void => {
  declare(name, fn, options, { skip: true, only: false })
}

/** Declares a benchmark and runs only the file's `.only` benchmarks. */
bench.only = (name: string, fn: BenchFn, options?: BenchOptions): void => {
  declare(name, fn, options, { skip: false, only: true })
}

function group(name: unknown, body: unknown, skip: boolean): void {
  if (typeof name !== 'string') fail('describe(name, fn): name must be a string.')
  if (typeof body !== 'function') fail(`describe("${name}", fn): fn must be a function.`)
  withSuite(activeCollection(), name, skip, () => {
    const result = (body as () => unknown)()
    if (result && typeof (result as { then?: unknown }).then === 'function')
      fail(`describe("${name}", fn): fn must declare benchmarks synchronously, not return a promise.`)
  })
}

/** Groups benchmarks: their names are prefixed with `name > `, and hooks inside apply to them. */
export function describe(name: string, fn: () => void): void {
  group(name, fn, false)
}

/** Groups benchmarks that are not run. */
describe.skip = (name: string, fn: () => void): void => {
  group(name, fn, true)
}

function hook(kind: 'beforeAll' | 'afterAll', fn: unknown): void {
  if (typeof fn !== 'function') fail(`${kind}(fn): fn must be a function.`)
  activeCollection().current[kind].push(fn as Hook)
}

/** Runs once in each benchmark process, before the benchmarks of the enclosing file or describe. */
export function beforeAll(fn: Hook): void {
  hook('beforeAll', fn)
}

/** Runs once in each benchmark process, after the benchmarks of the enclosing file or describe. */
export function afterAll(fn: Hook): void {
  hook('afterAll', fn)
}

/**
 * File-wide options: defaults for every benchmark of this file (each `bench()` may override
 * them), and `ab: 'separate'` for code that cannot be imported twice into one process.
 */
export function benchConfig(options: BenchFileOptions): void {
  const checked = checkOptions('benchConfig()', options, FILE_OPTIONS)
  if (checked.ab !== undefined && checked.ab !== 'same-process' && checked.ab !== 'separate')
    fail(`benchConfig(): option "ab" must be 'same-process' or 'separate'; got ${String(checked.ab)}.`)
  Object.assign(activeCollection().options, checked)
}
