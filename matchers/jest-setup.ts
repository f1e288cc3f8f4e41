/** `perfgate/jest`: Jest 30 support is planned; until then this entry says so clearly. */
throw new Error(
  'perfgate/jest is not yet supported in this version of perfgate. Use perfgate with Vitest (perfgate/vitest) for now.',
)
