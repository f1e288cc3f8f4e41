import { defineConfig } from 'tsup'

// Every public entry is built as ESM and CJS with its own declarations (Jest setups still
// `require`). The CLI is ESM only: it is run, never required.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      vitest: 'src/plugin/vitest.ts',
      reporter: 'reporters/vitest.ts',
      jest: 'matchers/jest-setup.ts',
      'jest-reporter': 'reporters/jest.ts',
    },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } },
    shims: true,
    target: 'node20',
    platform: 'node',
    splitting: true,
    treeshake: true,
    // Jest's module registry provides `@jest/globals` to `perfgate/jest`; `expect` is only named
    // by its declarations (the `Matchers` augmentation).
    external: ['vitest', 'vite', 'jest', '@jest/globals', 'expect'],
  },
  {
    // Only Vitest loads the setup file, always as ESM; its dynamic import becomes its own chunk.
    entry: { 'vitest-setup': 'matchers/vitest-setup.ts' },
    format: ['esm'],
    dts: { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } },
    target: 'node20',
    platform: 'node',
    splitting: true,
    external: ['vitest', 'vite', 'jest'],
  },
  {
    // Split so each subcommand's dynamic import stays its own chunk: `perfgate --help` then loads
    // the command table only, not the comparator, zod or Octokit.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    splitting: true,
  },
  {
    // The benchmark worker: `perfgate bench` forks it for every process of a run.
    entry: { 'bench-worker': 'src/bench/worker/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    splitting: false,
  },
])
