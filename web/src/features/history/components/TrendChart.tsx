import { useMemo } from 'react'
import { Link } from 'react-router'
import { Plot, type PlotSeries } from '@/components/ui/Plot'
import { Table, Td, Th } from '@/components/ui/Table'
import type { HistorySeries } from '../api/parse'
import { seriesTitle, trendData } from './trendModel'

const SERIES: PlotSeries[] = [
  { label: 'value' },
  { label: 'regression', color: '#D55E00', markers: true },
  { label: 'improvement', color: '#009E73', markers: true },
  { label: 'version change', color: '#CC79A7', markers: true },
]

const fmt = (v: number | null) => (v === null ? '—' : Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : String(+v.toPrecision(5)))

/** One series: its plot (markers at detected changes and version changes) and its points, each linked to its run and experiment. */
export function TrendChart({ series }: { series: HistorySeries }) {
  const data = useMemo(() => trendData(series), [series])
  const changes = new Map(series.changes.map((c) => [c.id, c]))
  const xValue = useMemo(() => (v: number) => series.points[v - 1]?.run_id ?? String(v), [series])
  const title = seriesTitle(series)
  return (
    <section aria-label={title} className="space-y-2">
      <Plot title={title} data={data} series={SERIES} xLabel="run" yLabel={series.kind === 'performance' ? 'median ns/op' : `p99 ${series.unit ?? ''}`} xValue={xValue} height={240} />
      <details>
        <summary className="cursor-pointer text-sm">Points ({series.points.length})</summary>
        <Table caption={`Points of ${title}`}>
          <thead>
            <tr>
              <Th>Run</Th>
              <Th>Commit</Th>
              <Th>Library version</Th>
              <Th>Value</Th>
              <Th>Change</Th>
            </tr>
          </thead>
          <tbody>
            {series.points.map((p) => {
              const change = p.change_id ? changes.get(p.change_id) : undefined
              return (
                <tr key={p.run_id}>
                  <Td>
                    <Link className="underline" to={`/runs/${p.run_id}`}>
                      {p.run_id}
                    </Link>{' '}
                    <Link className="text-xs underline" to={`/runs/${p.run_id}/experiments/${series.experiment}`}>
                      experiment
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{p.git_sha?.slice(0, 10) ?? '—'}</Td>
                  <Td>{p.version_change ? `${p.version_change.from ?? '—'} → ${p.version_change.to ?? '—'}` : (p.library_version ?? '—')}</Td>
                  <Td className="tabular-nums">
                    {fmt(p.value)}
                    {!p.judged && <span className="ml-1 text-xs text-slate-500">(not judged{p.smoke ? ': smoke' : ''})</span>}
                  </Td>
                  <Td>{change ? `${change.direction} (${change.state})` : ''}</Td>
                </tr>
              )
            })}
          </tbody>
        </Table>
      </details>
    </section>
  )
}
