/**
 * `true` only when A and B are the same type: mutually assignable is not enough, because an
 * object type without an optional field and one with it are assignable both ways. Schemas assert
 * it against the types in src/types.ts, so a field added to one and not the other (or optional in
 * one only) fails type-checking, not a user's run.
 */
export type SameShape<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
