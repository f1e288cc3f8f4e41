export { escapeMarkdown, escapeMermaidLabel } from '../escape.js'
export type { MarkdownOptions } from './render.js'
export {
  COMMENT_MARKER,
  COMMENT_MAX_LENGTH,
  renderMarkdown,
  renderStepSummary,
  SUMMARY_MAX_LENGTH,
} from './render.js'
export { NEAR_BUDGET, renderTargetsTable, targetStatus } from './targets.js'
