import { describe, expect, test } from 'vitest'
import { formatDuration, formatSize, significant } from '../../../src/format/units.js'
import { renderTable, visibleWidth } from '../../../src/terminal/table.js'

describe('units', () => {
  test.each([
    [0, '0 ms'],
    [12.345, '12.3 ms'],
    [1234, '1.23 s'],
    [0.85, '850 µs'],
    [0.0000521, '52.1 ns'],
    [-0.5, '-500 µs'],
    [100_000, '100 s'],
  ])('formatDuration(%d) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  test.each([
    [0, '0 MB'],
    [9.765625, '9.77 MB'],
    [0.5, '512 KB'],
    [0.0005, '524 B'],
    [-1.5, '-1.5 MB'],
  ])('formatSize(%d) = %s', (mb, text) => {
    expect(formatSize(mb)).toBe(text)
  })

  test('significant keeps three digits and drops trailing zeros', () => {
    expect(significant(2.0)).toBe('2')
    expect(significant(0.012345)).toBe('0.0123')
    expect(significant(12345)).toBe('12345')
    expect(significant(Number.NaN)).toBe('NaN')
  })
})

describe('renderTable', () => {
  test('pads columns to the widest cell, ignoring colour codes', () => {
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`
    const text = renderTable(
      ['a', 'value'],
      [
        ['long name', red('1')],
        ['x', '22'],
      ],
      ['left', 'right'],
    )
    expect(text).toBe(
      ['a          value', '─────────  ─────', `long name      ${red('1')}`, 'x             22'].join('\n'),
    )
    expect(visibleWidth(red('abc'))).toBe(3)
  })
})
