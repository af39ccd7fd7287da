import type { ScoreboardEntry } from '../api/getScoreboard'

/** Background of a heatmap cell from its rank among the ranked results of its row: green (best) → amber → red (worst). */
export function rankTone(rank: number | null, ranked: number): string {
  if (rank == null) return ''
  if (ranked <= 1 || rank === 1) return 'bg-green-100 dark:bg-green-900/40'
  const f = (rank - 1) / (ranked - 1)
  return f < 0.5 ? 'bg-amber-100 dark:bg-amber-900/40' : 'bg-red-100 dark:bg-red-900/40'
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

/** How many entries of a row hold a rank of this kind (for the colour scale). */
export const rankedCount = (entries: ScoreboardEntry[], kind: HeatmapKind) =>
  new Set(entries.map((e) => (kind === 'accuracy' ? e.accuracy_rank : e.speed_rank)).filter((r) => r != null)).size

/** FROM × TO: frames in order of first appearance, and the experiments between each pair. */
export function framePairs<E extends { experiment: string; from_frame: string; to_frame: string }>(experiments: E[]) {
  const froms = [...new Set(experiments.map((e) => e.from_frame).filter(Boolean))].sort()
  const tos = [...new Set(experiments.map((e) => e.to_frame).filter(Boolean))].sort()
  const cell = (f: string, t: string) => experiments.filter((e) => e.from_frame === f && e.to_frame === t)
  return { froms, tos, cell }
}
