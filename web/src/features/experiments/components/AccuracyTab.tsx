import { useMemo } from 'react'
import { Plot, alignSeries } from '@/components/ui/Plot'
import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtNum } from '@/lib/format'
import type { Experiment, ReferenceUncertainty, RunExperiment } from '@/lib/types'
import { usePlotCases } from '../api/getCases'
import { cdf, epochBands, epochColumn, errorColumn, errorVsEpoch } from './accuracyModel'
import { ReferenceUncertaintyNote } from './ReferenceUncertaintyNote'

export function AccuracyTab({ data, info }: { data: RunExperiment; info: Experiment | undefined }) {
  const scored = data.results.filter((r) => r.accuracy && r.role !== 'reference')
  const unit = scored[0]?.accuracy ? scored[0].accuracy.metrics[scored[0].accuracy.primary_metric]?.unit : undefined
  const metric = scored[0]?.accuracy?.primary_metric
  const inputCols = info?.input_columns ?? data.results[0]?.dataset?.input_columns ?? []
  const xCol = epochColumn(inputCols)
  const cases = usePlotCases(data.run_id, data.experiment, scored.length > 0)
  const uncertainty = referenceBand(data, info, metric)
  // Stable band objects: a new object per render would rebuild the plots. The CDF has no epoch axis: one band up to U;
  // the error-vs-epoch plot has one per measured epoch range.
  const bands = useMemo(
    () => (uncertainty ? { x: { axis: 'x' as const, from: 0, to: uncertainty.value }, y: epochBands(uncertainty, xCol) } : null),
    [uncertainty, xCol],
  )

  const plots = useMemo(() => {
    if (!cases.data) return null
    const cols = scored.map((r) => errorColumn(r)!).filter((c) => cases.data!.columns.includes(c))
    const libs = scored.filter((r) => cases.data!.columns.includes(errorColumn(r)!)).map((r) => r.library)
    const per = cols.map((c) => {
      const i = cases.data!.columns.indexOf(c)
      return cdf(cases.data!.rows.map((row) => row[i]))
    })
    const withData = libs.filter((_, i) => per[i].length > 0)
    return {
      cdf: { data: alignSeries(per.filter((p) => p.length > 0)), series: withData.map((label) => ({ label })) },
      epoch: xCol ? { data: errorVsEpoch(cases.data, xCol, cols), series: libs.map((label) => ({ label })) } : null,
      allZero: libs.filter((_, i) => per[i].length === 0),
      shown: cases.data.rows.length,
      total: cases.data.total,
    }
  }, [cases.data, scored, xCol])

  if (!scored.length) return <p className="text-sm text-slate-500">No candidate library produced accuracy results.</p>

  return (
    <div className="space-y-6">
      <Table caption="Error statistics per library and metric">
        <thead>
          <tr>
            <Th>Library</Th>
            <Th>Metric</Th>
            <Th className="text-right">p50</Th>
            <Th className="text-right">p90</Th>
            <Th className="text-right">p99</Th>
            <Th className="text-right">max</Th>
            <Th className="text-right">rms</Th>
            <Th className="text-right">bias</Th>
            <Th className="text-right">NaN</Th>
          </tr>
        </thead>
        <tbody>
          {scored.flatMap((r) =>
            Object.entries(r.accuracy!.metrics).map(([name, m]) => (
              <tr key={`${r.library}/${name}`}>
                <Td>{r.library}</Td>
                <Td className="font-mono text-xs">
                  {name} <span className="text-slate-500">({m.unit})</span>
                </Td>
                {[m.p50, m.p90, m.p99, m.max, m.rms].map((v, i) => (
                  <Td key={i} className="text-right tabular-nums">
                    {fmtNum(v)}
                  </Td>
                ))}
                <Td className="text-right tabular-nums">{m.signed ? fmtNum(m.bias) : '—'}</Td>
                <Td className="text-right tabular-nums">{m.nan_count ?? 0}</Td>
              </tr>
            )),
          )}
        </tbody>
      </Table>
      <QueryState isPending={cases.isPending} error={cases.error} label="Loading per-case data">
        {() =>
          plots && (
            <>
              {plots.shown < plots.total && (
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  Plots use the first {plots.shown.toLocaleString()} of {plots.total.toLocaleString()} cases.
                </p>
              )}
              {plots.allZero.length > 0 && (
                <p className="text-xs text-slate-600 dark:text-slate-400">Exactly zero error (not drawn on a log axis): {plots.allZero.join(', ')}.</p>
              )}
              <ReferenceUncertaintyNote uncertainty={uncertainty} />
              <div className="grid gap-6 xl:grid-cols-2">
                {plots.cdf.series.length > 0 && (
                  <Plot
                    title={`CDF of |${metric}|`}
                    data={plots.cdf.data}
                    series={plots.cdf.series}
                    xLabel={`|error| (${unit})`}
                    yLabel="fraction of cases ≤ x"
                    xLog
                    band={bands?.x}
                  />
                )}
                {plots.epoch && (
                  <Plot
                    title={`|${metric}| vs ${xCol}`}
                    data={plots.epoch.data}
                    series={plots.epoch.series}
                    xLabel={xCol!}
                    yLabel={`|error| (${unit})`}
                    yLog
                    scatter
                    band={bands?.y}
                  />
                )}
              </div>
            </>
          )
        }
      </QueryState>
    </div>
  )
}

/** The uncertainty stated in the run's result files (as measured then), else the catalog's, when it is for this metric. */
function referenceBand(data: RunExperiment, info: Experiment | undefined, metric: string | undefined): ReferenceUncertainty | null {
  const u = data.results.find((r) => r.reference_uncertainty)?.reference_uncertainty ?? info?.reference_uncertainty ?? null
  return u && u.metric === metric && u.value > 0 ? u : null
}
