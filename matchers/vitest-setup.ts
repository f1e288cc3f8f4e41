/**
 * The setup file the `perfgate()` plugin adds. Vitest runs setup files through Vite's transform
 * pipeline; keeping this entry tiny and importing the matchers dynamically lets Vitest load them
 * natively from node_modules like any dependency, which measurably shortens worker start-up.
 */
await import('./vitest-register.js')
