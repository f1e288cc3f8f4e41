/** A least-recently-used cache that never holds more than `capacity` entries. */
class Lru {
  constructor(capacity) {
    this.capacity = capacity
    this.entries = new Map()
  }

  get(key) {
    const value = this.entries.get(key)
    if (value !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  set(key, value) {
    this.entries.delete(key)
    this.entries.set(key, value)
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value)
  }
}

module.exports = { Lru }
