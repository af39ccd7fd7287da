import type { PlotBand } from '@/components/ui/plotBands'
import type { CasesPage, LibraryResult, ReferenceUncertainty } from '@/lib/types'

/** The per-case column holding a library's primary error metric in the cases file (cases.parquet, or cases.csv of older runs). */
export const errorColumn = (r: LibraryResult) => (r.accuracy ? `${r.library}.${r.accuracy.primary_metric}` : null)

/** Empirical CDF of |error| (zeros excluded: log axis), thinned to at most maxPoints. */
export function cdf(values: (number | string | null)[], maxPoints = 1500): { x: number; y: number }[] {
  const abs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).map(Math.abs)
  const n = abs.length
  if (!n) return []
  abs.sort((a, b) => a - b)
  const step = Math.max(1, Math.floor(n / maxPoints))
  const out: { x: number; y: number }[] = []
  for (let i = 0; i < n; i += step) if (abs[i] > 0) out.push({ x: abs[i], y: (i + 1) / n })
  if (abs[n - 1] > 0 && out[out.length - 1]?.x !== abs[n - 1]) out.push({ x: abs[n - 1], y: 1 })
  return out
}

/** The input column used as "epoch" for error-vs-epoch plots. */
export function epochColumn(inputColumns: string[]): string | null {
  return inputColumns.find((c) => /^(jd|mjd|epoch|t_|tt|ut1|tdb)/i.test(c)) ?? null
}

/** Aligned uPlot data: x = epoch (sorted), one |error| series per library; zeros become gaps (log axis). */
export function errorVsEpoch(cases: CasesPage, xCol: string, errCols: string[]): (number | null)[][] {
  const xi = cases.columns.indexOf(xCol)
  const idx = errCols.map((c) => cases.columns.indexOf(c))
  const rows = cases.rows.filter((r) => typeof r[xi] === 'number').slice()
  rows.sort((a, b) => (a[xi] as number) - (b[xi] as number))
  const xs = rows.map((r) => r[xi] as number)
  const ys = idx.map((i) =>
    rows.map((r) => {
      const v = i >= 0 ? r[i] : null
      return typeof v === 'number' && Number.isFinite(v) && v !== 0 ? Math.abs(v) : null
    }),
  )
  return [xs, ...ys]
}

/** The Julian Date of a decimal year as the measurement splits epochs (Julian years of 365.25 days from J2000.0). */
const jdOfYear = (year: number) => 2451545 + (year - 2000) * 365.25

/**
 * Each measured range's height: its own p99, or the stated value where that exceeds every range's p99 (then it is the
 * double-precision floor, which holds in every range).
 */
function rangeHeights(u: ReferenceUncertainty): number[] {
  const measured = Math.max(...u.ranges.map((r) => r.p99))
  return u.ranges.map((r) => (u.value > measured ? u.value : r.p99))
}

/**
 * The reference-uncertainty bands of the error-vs-epoch plot (docs/scoreboard.md): one per measured epoch range, over
 * that range's epochs only and up to its own height, so epochs that were not measured carry no band. A range without
 * bounds, or an x column that is not a Julian Date, spans the whole axis.
 */
export function epochBands(u: ReferenceUncertainty, xCol: string | null): PlotBand[] {
  if (!u.ranges.length || !xCol || !/^jd/i.test(xCol)) return [{ axis: 'y', from: 0, to: u.value }]
  const heights = rangeHeights(u)
  return u.ranges
    .map((r, i): PlotBand => ({
      axis: 'y',
      from: 0,
      to: heights[i],
      across: r.from_year != null && r.to_year != null ? { from: jdOfYear(r.from_year), to: jdOfYear(r.to_year) } : undefined,
    }))
    .filter((b) => b.to > 0)
}

/** "1900–2000 ≤ 1.85e-5 mas; 2000–2100 ≤ 1.54e-5 mas": what the bands show, for the text beside the plots; null without epoch ranges. */
export function rangeText(u: ReferenceUncertainty, fmt: (v: number) => string): string | null {
  const heights = rangeHeights(u)
  const parts = u.ranges.flatMap((r, i) => (r.from_year != null && r.to_year != null ? [`${r.from_year}–${r.to_year} ≤ ${fmt(heights[i])} ${u.unit}`] : []))
  return parts.length ? parts.join('; ') : null
}
