/**
 * Matcher types for Vitest 4, part of `perfgate/vitest`: importing the plugin in
 * `vitest.config.ts` (or `/// <reference types="perfgate/vitest" />`) types the matchers.
 * `Matchers<T>` is augmented rather than `Assertion<T>`: Vitest's `Assertion` extends it, and
 * augmenting `Assertion` alone has been seen to fail in projects with `moduleResolution: node`.
 */
import type {} from 'vitest'
import type { PerfgateMatchers, PerfgateProvided } from './matcher-types.js'

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: must match Vitest 4's own declaration
  interface Matchers<T = any> extends PerfgateMatchers<T> {}
  interface ProvidedContext {
    perfgate?: PerfgateProvided
  }
}
