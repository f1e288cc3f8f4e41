import { expect, test } from 'vitest'
import { parseJsonText } from '../../../src/baseline/json-text.js'

const failure = (text: string) => {
  const result = parseJsonText(text)
  if (result.ok) throw new Error('expected a failure')
  return result.message
}

test('parses valid JSON, with or without a byte-order mark', () => {
  expect(parseJsonText('{"a": [1, 2.5e3, "x\\n", true, null]}')).toEqual({
    ok: true,
    value: { a: [1, 2500, 'x\n', true, null] },
  })
  expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } })
})

test.each([
  ['', 'invalid JSON: the file is empty'],
  ['  \n', 'invalid JSON: the file is empty'],
  ['{\n  "a": nope\n}', 'invalid JSON: unexpected "n" at line 2, column 8'],
  [
    '{\n  "a": 1,\n}',
    'invalid JSON: unexpected "}" where a quoted property name was expected at line 3, column 1',
  ],
  [
    '{"a": 1',
    'invalid JSON: unexpected end of the text (truncated?) where "," was expected at line 1, column 8',
  ],
  ['{"a": "b', 'invalid JSON: unexpected end of the text (truncated?) inside a string at line 1, column 9'],
  ['[1 2]', 'invalid JSON: unexpected "2" where "," was expected at line 1, column 4'],
  ['{"a": 1} x', 'invalid JSON: unexpected "x" after the end of the JSON value at line 1, column 10'],
  ['{"a": "\\q"}', 'invalid JSON: unexpected "q" after a backslash at line 1, column 9'],
  ['{"a": 01}', 'invalid JSON: unexpected "1" where "," was expected at line 1, column 8'],
  ['{"a": NaN}', 'invalid JSON: unexpected "N" at line 1, column 7'],
])('%j → %s', (text, message) => {
  expect(failure(text)).toBe(message)
})
