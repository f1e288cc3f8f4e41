import perfgate from 'perfgate/vitest'
import { defineConfig } from 'vitest/config'

// perfgate's own performance suite, measured with perfgate (the built package, resolved through
// the package's own exports). Its baselines are committed in baselines/; `npm run perf` compares
// with them and `npm run perf:update` re-records them. Not part of `npm test`: timings belong in
// benchmarks, not in unit tests.
export default defineConfig({
  plugins: [perfgate()],
  test: {
    include: ['test/perf/**/*.perf.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
  },
})
