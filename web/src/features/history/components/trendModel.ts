import type { HistorySeries } from '../api/parse'

/** uPlot data of one series: x = point number, the values, then markers at detected regressions, improvements and version changes. */
export function trendData(s: HistorySeries): (number | null)[][] {
  const direction = new Map(s.changes.map((c) => [c.id, c.direction]))
  const xs = s.points.map((_, i) => i + 1)
  const values = s.points.map((p) => p.value)
  const at = (keep: (i: number) => boolean) => s.points.map((p, i) => (keep(i) ? p.value : null))
  return [
    xs,
    values,
    at((i) => direction.get(s.points[i].change_id ?? '') === 'regression'),
    at((i) => direction.get(s.points[i].change_id ?? '') === 'improvement'),
    at((i) => s.points[i].version_change !== null),
  ]
}

export const seriesTitle = (s: HistorySeries) =>
  `${s.library} · ${s.experiment} · ${s.metric}${s.unit ? ` (${s.unit})` : ''} · testbed ${s.testbed_label ?? s.testbed}`
