/**
 * Where `bench()`, `describe()` and the hooks put what a bench file declares. The collection
 * lives on `globalThis` under a registered symbol: the worker imports `perfgate`'s runner, the
 * bench file imports `perfgate` (ESM or CJS build, possibly another copy in an A/B worktree), and
 * all of them must fill the same collection.
 */

/** A benchmark function: synchronous or returning a promise (awaited inside the timing). */
export type BenchFn = () => unknown

/** A setup or teardown hook. */
export type Hook = () => unknown

/** Per-benchmark options (`bench(name, fn, options)`). Times are milliseconds. */
export interface BenchOptions {
  /** Measuring time per benchmark in each process (round). */
  time?: number
  /** Warm-up time before measuring, in each process. */
  warmupTime?: number
  /** Fewest timed calls in each process, however long they take. */
  iterations?: number
  /** A benchmark still running after this long in one process fails with a timeout. */
  timeout?: number
  /** Practical threshold (relative) for this benchmark's verdict, overriding the run's. */
  threshold?: number
  /** Runs before every timed call, outside the timing. */
  beforeEach?: Hook
  /** Runs after every timed call, outside the timing. */
  afterEach?: Hook
}

/**
 * How A/B mode runs a file: `same-process` imports base and head into one process and alternates
 * their samples (the default, far less noisy); `separate` keeps each side in its own processes,
 * for code with global side effects that cannot be imported twice.
 */
export type AbMode = 'same-process' | 'separate'

/** File-wide options (`benchConfig()`): defaults for every benchmark of the file, and its A/B mode. */
export interface BenchFileOptions
  extends Pick<BenchOptions, 'time' | 'warmupTime' | 'timeout' | 'threshold'> {
  ab?: AbMode
}

/** A `describe` block (the file itself is the unnamed root). */
export interface Suite {
  name: string
  parent: Suite | undefined
  beforeAll: Hook[]
  afterAll: Hook[]
  skip: boolean
}

/** One declared benchmark. */
export interface BenchDefinition {
  /** Unique within the file: the full name, plus `#2`, `#3`… for repeated names. */
  key: string
  /** Full name: describe names and the benchmark's name joined by ` > `. */
  name: string
  fn: BenchFn
  options: BenchOptions
  suite: Suite
  skip: boolean
  only: boolean
}

/** Everything one bench file declared. */
export interface Collection {
  root: Suite
  current: Suite
  benches: BenchDefinition[]
  options: BenchFileOptions
}

const SLOT = Symbol.for('perfgate.bench.collection')

type Slot = { [SLOT]?: Collection }

const newSuite = (name: string, parent: Suite | undefined, skip = false): Suite => ({
  name,
  parent,
  beforeAll: [],
  afterAll: [],
  skip,
})

/** Starts a fresh collection: declarations from now on go into it. */
export function startCollection(): Collection {
  const root = newSuite('', undefined)
  const collection: Collection = { root, current: root, benches: [], options: {} }
  ;(globalThis as Slot)[SLOT] = collection
  return collection
}

/** Stops collecting: later declarations (e.g. from a timer) no longer reach any collection. */
export function endCollection(): void {
  delete (globalThis as Slot)[SLOT]
}

/**
 * The collection being filled. Outside `perfgate bench` (a bench file run with plain `node`)
 * there is none, and declarations go to a throw-away one: they register nothing to run.
 */
export function activeCollection(): Collection {
  return (globalThis as Slot)[SLOT] ?? startDetached()
}

function startDetached(): Collection {
  const root = newSuite('', undefined)
  return { root, current: root, benches: [], options: {} }
}

/** Names of the suites from the root down to `suite`, without the unnamed root. */
export function suitePath(suite: Suite): string[] {
  const names: string[] = []
  for (let s: Suite | undefined = suite; s?.parent; s = s.parent) names.unshift(s.name)
  return names
}

/** Whether `suite` or any enclosing suite is skipped. */
export function isSkipped(suite: Suite): boolean {
  for (let s: Suite | undefined = suite; s; s = s.parent) if (s.skip) return true
  return false
}

/** Opens a `describe` block for the duration of `body`. */
export function withSuite(collection: Collection, name: string, skip: boolean, body: () => void): void {
  const suite = newSuite(name, collection.current, skip)
  collection.current = suite
  try {
    body()
  } finally {
    collection.current = suite.parent!
  }
}

/** Adds a benchmark under the current suite, keyed uniquely within the file. */
export function addBench(
  collection: Collection,
  declared: { name: string; fn: BenchFn; options: BenchOptions; skip: boolean; only: boolean },
): void {
  const suite = collection.current
  const name = [...suitePath(suite), declared.name].join(' > ')
  const repeats = collection.benches.filter((b) => b.name === name).length
  const key = repeats === 0 ? name : `${name}#${repeats + 1}`
  collection.benches.push({ ...declared, key, name, suite })
}

/** Benchmarks that run: not skipped, and only the `.only` ones when the file has any. */
export function runnable(collection: Collection): BenchDefinition[] {
  const live = collection.benches.filter((b) => !b.skip && !isSkipped(b.suite))
  return live.some((b) => b.only) ? live.filter((b) => b.only) : live
}
