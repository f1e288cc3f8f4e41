import picocolors from 'picocolors'

export type Colors = ReturnType<typeof picocolors.createColors>

/**
 * Colour only on a terminal: `NO_COLOR` turns it off, `FORCE_COLOR` (not `0`) turns it on, and
 * otherwise the stream must be a TTY — CI logs get plain text even where `CI` is set.
 */
export function colorsFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): Colors {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false'
  const enabled = !('NO_COLOR' in env) && (forced || stream.isTTY === true)
  return picocolors.createColors(enabled)
}
