import type { ScoreboardEntry } from '../api/getScoreboard'

/**
 * Background of a heatmap cell from its rank among the row's contestants (rank = 1 + results that beat it): green for
 * rank 1, amber in the better half, red in the worse half. A lone ranked result behind unranked "≤U" ones is not green.
 */
export function rankTone(rank: number | null, contestants: number): string {
  if (rank == null) return ''
  if (rank === 1) return 'bg-green-100 dark:bg-green-900/40'
  const f = (rank - 1) / Math.max(1, contestants - 1)
  return f <= 0.5 ? 'bg-amber-100 dark:bg-amber-900/40' : 'bg-red-100 dark:bg-red-900/40'
}

export type HeatmapKind = 'accuracy' | 'speed'

/** A cell's text (always shown: colour only repeats it) and its tone. */
export function heatCell(e: ScoreboardEntry | undefined, kind: HeatmapKind, ranked: number, fmt: (v: number | null) => string) {
  if (!e) return { text: '—', tone: '', note: 'not run' }
  if (kind === 'accuracy') {
    switch (e.accuracy_status) {
      case 'reference':
        return { text: 'reference', tone: 'bg-slate-100 dark:bg-slate-800', note: 'the reference' }
      case 'within_reference_uncertainty':
        return { text: `${fmt(e.p99_error)} ≤U`, tone: 'bg-sky-100 dark:bg-sky-900/40', note: 'within reference uncertainty, not ranked' }
      case 'ranked':
        return { text: `${fmt(e.p99_error)} #${e.accuracy_rank}`, tone: rankTone(e.accuracy_rank, ranked), note: `rank ${e.accuracy_rank}` }
      default:
        return { text: e.outcome, tone: '', note: 'not ranked' }
    }
  }
  if (e.speed_status === 'ranked') return { text: `${fmt(e.median_ns)} #${e.speed_rank}`, tone: rankTone(e.speed_rank, ranked), note: `rank ${e.speed_rank}` }
  if (e.speed_status === 'invalid') return { text: `${fmt(e.median_ns)} ⚠`, tone: 'bg-yellow-50 dark:bg-yellow-900/30', note: `invalid timing: ${e.speed_note ?? ''}` }
  return { text: '—', tone: '', note: 'not timed' }
}

/** How many entries of a row compete in this kind (ranked or within reference uncertainty), for the colour scale. */
export const rankedCount = (entries: ScoreboardEntry[], kind: HeatmapKind) =>
  entries.filter((e) => (kind === 'accuracy' ? ['ranked', 'within_reference_uncertainty'].includes(e.accuracy_status) : e.speed_status === 'ranked')).length

/** FROM × TO: frames in order of first appearance, and the experiments between each pair. */
export function framePairs<E extends { experiment: string; from_frame: string; to_frame: string }>(experiments: E[]) {
  const froms = [...new Set(experiments.map((e) => e.from_frame).filter(Boolean))].sort()
  const tos = [...new Set(experiments.map((e) => e.to_frame).filter(Boolean))].sort()
  const cell = (f: string, t: string) => experiments.filter((e) => e.from_frame === f && e.to_frame === t)
  return { froms, tos, cell }
}
