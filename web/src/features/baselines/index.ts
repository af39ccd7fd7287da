export { BaselineBadge } from './components/BaselineBadge'
export { SetBaselineButton } from './components/SetBaselineButton'
export { useBaselines } from './api/getBaselines'
export type { Baseline } from './api/parseBaseline'
