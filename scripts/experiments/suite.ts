/**
 * The suite of 22 small functions timed by the real-process experiments (aa-power.ts,
 * process-noise.ts): string, JSON, regex, sort, Map, array, matrix, sieve, search, hash, date and
 * TextEncoder work, from 0.05 µs to 3 ms a call. Inputs come from a seeded generator, so every
 * process times the same work.
 */
import { createHash } from 'node:crypto'
import type { Rng } from '../../src/stats/index.js'
import { createRng } from '../../src/stats/index.js'

/** The measurement slowed in the power arms: compute-bound, chosen before any run. */
export const TARGET = 'matrix multiply 48×48'

export type Suite = { name: string; fn: () => unknown }[]

function words(rng: Rng, count: number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'xe', 'zu', 'pra', 'sto']
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + rng.int(4) }, () => syllables[rng.int(syllables.length)]).join(''),
  )
}

export function buildSuite(seed: number): Suite {
  const rng = createRng(seed)
  const text = words(rng, 2000).join(' ')
  const wordList = words(rng, 5000)
  const floats1k = Array.from({ length: 1000 }, () => rng.next())
  const floats10k = Array.from({ length: 10_000 }, () => rng.next())
  const strings2k = words(rng, 2000)
  const records = Array.from({ length: 1000 }, (_, i) => ({
    id: i,
    name: wordList[i]!,
    score: Math.round(rng.next() * 1000) / 10,
    tags: [wordList[(i * 7) % 5000]!, wordList[(i * 13) % 5000]!],
  }))
  const records100 = records.slice(0, 100)
  const json20k = JSON.stringify(records.slice(0, 200))
  const small = { id: 42, user: 'kalomi', roles: ['admin', 'dev'], active: true, quota: 12.5 }
  const emails = Array.from({ length: 200 }, (_, i) =>
    i % 3 === 0 ? `${wordList[i]}@${wordList[i + 1]}.com` : `${wordList[i]} at ${wordList[i + 1]}`,
  )
  const numbersText = Array.from(
    { length: 1500 },
    () => `${wordList[rng.int(5000)]}=${rng.int(100000)}`,
  ).join('; ')
  const ints10k = Array.from({ length: 10_000 }, () => rng.int(1_000_000))
  const n = 48
  const matrixA = Array.from({ length: n * n }, () => rng.next())
  const matrixB = Array.from({ length: n * n }, () => rng.next())
  const sorted100k = Float64Array.from({ length: 100_000 }, (_, i) => i * 3 + 1)
  const probes = Array.from({ length: 1000 }, () => rng.int(300_000))
  const blob = Buffer.from(text.repeat(4).slice(0, 64 * 1024))
  const dates = Array.from({ length: 1000 }, () => new Date(1.6e12 + rng.int(1e9) * 1000))
  const encoder = new TextEncoder()
  const decoder = new TextDecoder()
  const text10k = text.slice(0, 10_000)
  const map1k = new Map(wordList.slice(0, 1000).map((w, i) => [`${w}:${i}`, i]))
  const mapKeys = [...map1k.keys()]

  return [
    { name: 'template a short string', fn: () => `${small.user}#${small.id} (${small.roles.join('|')})` },
    { name: 'JSON.stringify a small object', fn: () => JSON.stringify(small) },
    {
      name: 'regex test 200 emails',
      fn: () => emails.filter((e) => /^[a-z]+@[a-z]+\.[a-z]{2,}$/.test(e)).length,
    },
    { name: 'split and join 2,000 words', fn: () => text.split(' ').join('-') },
    { name: 'uppercase and replaceAll 10 KB', fn: () => text10k.toUpperCase().replaceAll('KA', 'ca') },
    { name: 'regex match numbers in 30 KB', fn: () => numbersText.match(/\d+/g)?.length },
    {
      name: 'regex replace with a callback',
      fn: () => numbersText.slice(0, 8000).replace(/(\w+)=(\d+)/g, (_, k: string, v: string) => `${v}:${k}`),
    },
    { name: 'JSON.stringify 100 records', fn: () => JSON.stringify(records100) },
    { name: 'JSON.parse 200 records', fn: () => JSON.parse(json20k) },
    { name: 'sort 1,000 floats', fn: () => floats1k.slice().sort((a, b) => a - b) },
    { name: 'sort 10,000 floats', fn: () => floats10k.slice().sort((a, b) => a - b) },
    { name: 'sort 2,000 strings', fn: () => strings2k.slice().sort() },
    {
      name: 'sort 1,000 records by score',
      fn: () => records.slice().sort((a, b) => a.score - b.score || a.id - b.id),
    },
    {
      name: 'Map: build 1,000 and look up',
      fn: () => {
        const m = new Map<string, number>()
        for (const [k, v] of map1k) m.set(k, v)
        let sum = 0
        for (const k of mapKeys) sum += m.get(k)!
        return sum
      },
    },
    {
      name: 'Map: count 5,000 words',
      fn: () => {
        const counts = new Map<string, number>()
        for (const w of wordList) counts.set(w, (counts.get(w) ?? 0) + 1)
        return counts.size
      },
    },
    {
      name: 'map/filter/reduce 10,000',
      fn: () =>
        ints10k
          .map((x) => x * 3)
          .filter((x) => x % 2 === 0)
          .reduce((a, b) => a + b, 0),
    },
    {
      name: TARGET,
      fn: () => {
        const out = new Float64Array(n * n)
        for (let i = 0; i < n; i++)
          for (let k = 0; k < n; k++) {
            const a = matrixA[i * n + k]!
            for (let j = 0; j < n; j++) out[i * n + j]! += a * matrixB[k * n + j]!
          }
        return out[n + 1]
      },
    },
    {
      name: 'sieve of Eratosthenes to 200,000',
      fn: () => {
        const composite = new Uint8Array(200_001)
        let count = 0
        for (let i = 2; i <= 200_000; i++) {
          if (composite[i]) continue
          count++
          for (let j = i * i; j <= 200_000; j += i) composite[j] = 1
        }
        return count
      },
    },
    {
      name: 'binary search 1,000 probes',
      fn: () => {
        let found = 0
        for (const p of probes) {
          let lo = 0
          let hi = sorted100k.length - 1
          while (lo <= hi) {
            const mid = (lo + hi) >> 1
            if (sorted100k[mid]! < p) lo = mid + 1
            else if (sorted100k[mid]! > p) hi = mid - 1
            else {
              found++
              break
            }
          }
        }
        return found
      },
    },
    { name: 'sha256 of 64 KB', fn: () => createHash('sha256').update(blob).digest('hex') },
    { name: 'toISOString of 1,000 dates', fn: () => dates.map((d) => d.toISOString()).join() },
    { name: 'TextEncoder round trip 10 KB', fn: () => decoder.decode(encoder.encode(text10k)).length },
  ]
}
