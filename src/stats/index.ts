export { quantile, summarize, thin } from './summarize.js'
