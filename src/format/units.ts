import type { Unit } from '../types.js'

/** Three significant digits, without a trailing `.0`, and `-0` shown as `0`. */
export function significant(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value)
  if (value === 0) return '0'
  const abs = Math.abs(value)
  const decimals = abs >= 10 ** digits ? 0 : Math.max(0, digits - 1 - Math.floor(Math.log10(abs)))
  return Number(value.toFixed(decimals)).toString()
}

/** A duration given in milliseconds, in the unit that reads best: `52.1 ns`, `850 µs`, `12.4 ms`, `1.23 s`. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms)
  if (abs >= 1000) return `${significant(ms / 1000)} s`
  if (abs >= 1 || abs === 0) return `${significant(ms)} ms`
  if (abs >= 0.001) return `${significant(ms * 1000)} µs`
  return `${significant(ms * 1e6)} ns`
}

/** A size given in megabytes (MiB): `1.5 MB`, `300 KB`, `512 B`. */
export function formatSize(mb: number): string {
  const abs = Math.abs(mb)
  if (abs >= 1 || abs === 0) return `${significant(mb)} MB`
  if (abs * 1024 >= 1) return `${significant(mb * 1024)} KB`
  return `${significant(mb * 1024 * 1024)} B`
}

export function formatValue(value: number, unit: Unit): string {
  return unit === 'ms' ? formatDuration(value) : formatSize(value)
}
