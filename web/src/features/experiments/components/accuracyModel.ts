import type { CasesPage, LibraryResult } from '@/lib/types'

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
