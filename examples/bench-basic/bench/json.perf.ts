import { bench, describe } from 'perfgate'
import { parseOrders, sampleOrders, serializeOrders } from '../src/orders.js'

const orders = sampleOrders(500)
const body = serializeOrders(orders)

describe('orders JSON', () => {
  bench('parse 500 orders', () => parseOrders(body))
  bench('stringify 500 orders', () => serializeOrders(orders))
})
