/**
 * Matcher types for Jest 30, part of `perfgate/jest`. List `perfgate/jest` in `types` (or
 * `/// <reference types="perfgate/jest" />` in a `.d.ts`) to type the matchers: for `expect`
 * from `@jest/globals` (which declares `Matchers` in the `expect` package) and for the global
 * `expect` of `@types/jest` (which declares `jest.Matchers`). Every declaration of an interface
 * must repeat its type parameters exactly, hence the two shapes.
 */
import type {} from 'expect'
import type { PerfgateMatchers } from './matcher-types.js'

declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends PerfgateMatchers<T> {}
}

declare global {
  namespace jest {
    // biome-ignore lint/complexity/noBannedTypes: must match @types/jest's own declaration
    interface Matchers<R, T = {}> extends PerfgateMatchers<T> {}
  }
}
