import { UnstableBadge } from '@/components/ui/Badges'
import { PALETTE } from '@/components/ui/Plot'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtNs, fmtNum } from '@/lib/format'
import { fmtLevel, speedupIntervalLabel, speedupLabel } from '@/lib/speedup'
import type { LibraryResult, RunExperiment } from '@/lib/types'

/** Median ns/op with CI whiskers (and the min–max range faintly), one row per library. */
function ForestPlot({ results }: { results: LibraryResult[] }) {
  const rows = results.filter((r) => r.performance)
  if (!rows.length) return null
  const lo = Math.min(...rows.map((r) => r.performance!.min_ns ?? r.performance!.ci_low_ns ?? r.performance!.median_ns))
  const hi = Math.max(...rows.map((r) => r.performance!.max_ns ?? r.performance!.ci_high_ns ?? r.performance!.median_ns))
  const log = hi / Math.max(lo, 1e-9) > 20
  const W = 640
  const L = 110
  const R = 20
  const rowH = 28
  const H = rows.length * rowH + 30
  const t = (v: number) => (log ? Math.log10(Math.max(v, 1e-9)) : v)
  const [a, b] = [t(lo * (log ? 0.8 : 0.95)), t(hi * (log ? 1.25 : 1.05))]
  const sx = (v: number) => L + ((t(v) - a) / (b - a || 1)) * (W - L - R)
  const ticks = log
    ? Array.from({ length: Math.floor(b) - Math.ceil(a) + 1 }, (_, i) => 10 ** (Math.ceil(a) + i))
    : Array.from({ length: 5 }, (_, i) => lo + ((hi - lo) * i) / 4)
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-semibold">Median time per call with CI of the median ({log ? 'log' : 'linear'} axis, ns/op)</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full max-w-3xl" role="img" aria-label="Median nanoseconds per call with confidence intervals, per library">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={sx(v)} x2={sx(v)} y1={0} y2={H - 24} className="stroke-slate-200 dark:stroke-slate-800" />
            <text x={sx(v)} y={H - 8} textAnchor="middle" className="fill-slate-600 text-[10px] dark:fill-slate-400">
              {fmtNs(v)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const p = r.performance!
          const y = i * rowH + rowH / 2
          const color = PALETTE[i % PALETTE.length]
          return (
            <g key={r.library}>
              <title>{`${r.library}: median ${fmtNs(p.median_ns)}, CI ${fmtNs(p.ci_low_ns)}–${fmtNs(p.ci_high_ns)}`}</title>
              <text x={L - 8} y={y + 4} textAnchor="end" className="fill-slate-800 text-[11px] dark:fill-slate-200">
                {r.library}
              </text>
              {p.min_ns != null && p.max_ns != null && <line x1={sx(p.min_ns)} x2={sx(p.max_ns)} y1={y} y2={y} stroke={color} strokeOpacity={0.3} strokeWidth={1} />}
              {p.ci_low_ns != null && p.ci_high_ns != null && (
                <>
                  <line x1={sx(p.ci_low_ns)} x2={sx(p.ci_high_ns)} y1={y} y2={y} stroke={color} strokeWidth={2} />
                  <line x1={sx(p.ci_low_ns)} x2={sx(p.ci_low_ns)} y1={y - 6} y2={y + 6} stroke={color} strokeWidth={2} />
                  <line x1={sx(p.ci_high_ns)} x2={sx(p.ci_high_ns)} y1={y - 6} y2={y + 6} stroke={color} strokeWidth={2} />
                </>
              )}
              <circle cx={sx(p.median_ns)} cy={y} r={p.valid ? 5 : 4} fill={p.valid ? color : 'none'} stroke={color} strokeWidth={2} />
            </g>
          )
        })}
      </svg>
      <p className="text-xs text-slate-600 dark:text-slate-400">Filled dot: median; bar with caps: CI of the median; faint line: min–max; hollow dot: flagged unstable.</p>
    </figure>
  )
}

export function PerformanceTab({ data }: { data: RunExperiment }) {
  const rows = data.results
  if (!rows.some((r) => r.performance)) return <p className="text-sm text-slate-500">No performance results (run with perf enabled).</p>
  return (
    <div className="space-y-6">
      <ForestPlot results={rows} />
      <Table caption="Performance per library">
        <thead>
          <tr>
            <Th>Library</Th>
            <Th className="text-right">median / op</Th>
            <Th className="text-right">CI of median</Th>
            <Th className="text-right">IQR</Th>
            <Th className="text-right">CV</Th>
            <Th className="text-right">throughput</Th>
            <Th className="text-right">speedup vs ref.</Th>
            <Th className="text-right">rounds</Th>
            <Th>raw samples (ns/op)</Th>
            <Th>Status</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const p = r.performance
            if (!p)
              return (
                <tr key={r.library}>
                  <Td>{r.library}</Td>
                  <Td colSpan={9} className="text-slate-500">
                    no performance result
                  </Td>
                </tr>
              )
            return (
              <tr key={r.library}>
                <Td>
                  {r.library} {r.role === 'reference' && <span className="text-xs text-slate-500">(reference)</span>}
                </Td>
                <Td className="text-right tabular-nums">{fmtNs(p.median_ns)}</Td>
                <Td className="whitespace-nowrap text-right tabular-nums">
                  {p.ci_low_ns != null ? `${fmtNs(p.ci_low_ns)} – ${fmtNs(p.ci_high_ns)}` : '—'}
                  {p.ci_level != null && <span className="block text-xs text-slate-500">{fmtLevel(p.ci_level)} coverage</span>}
                </Td>
                <Td className="text-right tabular-nums">{fmtNs(p.iqr_ns)}</Td>
                <Td className="text-right tabular-nums">{p.cv_percent != null ? `${p.cv_percent.toFixed(1)} %` : '—'}</Td>
                <Td className="text-right tabular-nums">{p.throughput_ops_per_s != null ? `${fmtNum(p.throughput_ops_per_s)} ops/s` : '—'}</Td>
                <Td className="text-right tabular-nums">{r.role === 'reference' && p.valid
                    ? 'reference'
                    : speedupLabel({ valid: p.valid, speedup: p.speedup_vs_reference, verdict: p.speedup_verdict, parity: r.parity, label: p.speedup_label })}
                  {p.valid && speedupIntervalLabel(p.speedup_ci_low, p.speedup_ci_high, p.speedup_ci_level) != null && (
                    <span className="block text-xs text-slate-500">{speedupIntervalLabel(p.speedup_ci_low, p.speedup_ci_high, p.speedup_ci_level)}</span>
                  )}</Td>
                <Td className="text-right tabular-nums">{p.rounds}</Td>
                <Td className="max-w-64 font-mono text-xs">{p.samples_ns?.map((s) => fmtNum(s, 4)).join(', ') ?? '—'}</Td>
                <Td>{p.valid ? <span className="text-xs text-green-800 dark:text-green-300">valid</span> : <UnstableBadge reason={p.invalid_reason} />}</Td>
              </tr>
            )
          })}
        </tbody>
      </Table>
    </div>
  )
}
