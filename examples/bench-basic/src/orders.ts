/** An order as the API sends it. */
export interface Order {
  id: number
  customer: string
  email: string
  total: number
  items: { sku: string; quantity: number }[]
}

/** A page of orders, deterministic, as a fixture for the benchmarks. */
export function sampleOrders(count: number): Order[] {
  return Array.from({ length: count }, (_, i) => ({
    id: 10_000 + i,
    customer: `Customer ${i % 97}`,
    email: `customer${i % 97}@shop${i % 7}.example.com`,
    total: Math.round(((i * 7919) % 100_000) / 7) / 100,
    items: Array.from({ length: 1 + (i % 4) }, (_, j) => ({ sku: `SKU-${(i + j) % 500}`, quantity: 1 + j })),
  }))
}

/** Parses an API response body. */
export function parseOrders(body: string): Order[] {
  return JSON.parse(body) as Order[]
}

/** Serialises orders for the cache. */
export function serializeOrders(orders: readonly Order[]): string {
  return JSON.stringify(orders)
}

const EMAIL = /\b([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)\b/g

/** Every distinct e-mail domain mentioned in a text, e.g. a CSV export. */
export function emailDomains(text: string): string[] {
  const domains = new Set<string>()
  for (const match of text.matchAll(EMAIL)) domains.add(match[2]!.toLowerCase())
  return [...domains].sort()
}

/** Orders by total, largest first, ties by id. */
export function byTotal(orders: readonly Order[]): Order[] {
  return [...orders].sort((a, b) => b.total - a.total || a.id - b.id)
}
