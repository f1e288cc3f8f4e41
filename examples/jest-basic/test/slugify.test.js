const { slugify } = require('../src/slugify')

const title = 'Ünïcödé Títles, Punctuation & Numbers: 2026 Edition!'

describe('slugify', () => {
  test('is correct', () => {
    expect(slugify(title)).toBe('unicode-titles-punctuation-numbers-2026-edition')
  })

  test('is fast on a typical title', () => {
    expect(() => slugify(title)).toCompleteWithin(0.05)
  })

  test('stays fast on a long document title (p95)', () => {
    const long = title.repeat(200)
    expect(() => slugify(long)).toCompleteWithin(5, { stat: 'p95' })
  })
})
