export { ScoreboardSection } from './components/ScoreboardSection'
export { useScoreboard, type RunScoreboard, type UncertaintyBrief } from './api/getScoreboard'
