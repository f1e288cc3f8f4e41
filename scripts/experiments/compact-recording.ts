/**
 * Compacts a recording of aa-power.ts (`--json FILE`) for keeping in docs/experiments/: every
 * number at 6 significant digits — the precision perfgate's own baseline files keep — and
 * gzipped. `aa-power.ts --from FILE.json.gz` reads the result.
 *
 *   npx tsx scripts/experiments/compact-recording.ts idle.json docs/experiments/idle-9.json.gz
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const [from, to] = process.argv.slice(2)
if (!from || !to?.endsWith('.json.gz')) {
  console.error('usage: compact-recording.ts <recording.json> <out.json.gz>')
  process.exit(2)
}
const data: unknown = JSON.parse(readFileSync(from, 'utf8'))
const text = JSON.stringify(data, (_, value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? Number(value.toPrecision(6)) : value,
)
writeFileSync(to, gzipSync(`${text}\n`, { level: 9 }))
console.log(`${to}: ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB of JSON, gzipped`)
