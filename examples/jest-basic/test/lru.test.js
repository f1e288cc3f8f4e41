const { Lru } = require('../src/lru')

test('a bounded cache does not grow memory however many keys it sees', async () => {
  const cache = new Lru(100)
  let key = 0
  await expect(() => cache.set(key++, 'x'.repeat(1000))).toGrowMemoryLessThan(1)
})

test('the first lookup after start is fast too (cold path)', () => {
  const cache = new Lru(10)
  expect(() => cache.get('missing')).toCompleteWithin(1, { warmup: 0, samples: 1 })
})
