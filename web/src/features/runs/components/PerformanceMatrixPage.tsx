import { Link, useParams } from 'react-router'
import { UnstableBadge } from '@/components/ui/Badges'
import { Card, PageHeader } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtNs } from '@/lib/format'
import { fmtLevel, speedupIntervalLabel, speedupLabel } from '@/lib/speedup'
import { usePerformanceMatrix, type PerfCell } from '../api/getPerformanceMatrix'

function Cell({ c }: { c: PerfCell | undefined }) {
  if (!c) return <span className="text-slate-400">n/a</span>
  const valid = c.valid
  if (c.median_ns == null) return <span className="text-xs text-slate-500">no timing</span>
  return (
    <div className="space-y-0.5">
      <div className="tabular-nums font-medium">
        {fmtNs(c.median_ns)}
        {valid !== false && c.rank != null && (
          <span className="ml-1.5 rounded bg-slate-100 px-1 text-xs font-normal dark:bg-slate-800" title={`rank ${c.rank} (1 = fastest)`}>
            #{c.rank}
          </span>
        )}
      </div>
      {c.ci_low_ns != null && c.ci_high_ns != null && (
        <div className="text-xs tabular-nums text-slate-500">
          {c.ci_level != null ? `median CI (${fmtLevel(c.ci_level)})` : 'median CI'} {fmtNs(c.ci_low_ns)} – {fmtNs(c.ci_high_ns)}
        </div>
      )}
      <div
        className="text-xs text-slate-600 dark:text-slate-400"
        title={speedupIntervalLabel(c.speedup_ci_low, c.speedup_ci_high, c.speedup_ci_level) ?? undefined}
      >
        {c.role === 'reference'
          ? 'reference'
          : `${speedupLabel({ valid: c.valid, speedup: c.speedup_vs_reference, verdict: c.speedup_verdict, parity: c.parity, label: c.speedup_label })} vs ref.`}
        {c.cv_percent != null && ` · CV ${c.cv_percent.toFixed(1)} %`}
      </div>
      {valid === false && <UnstableBadge reason={c.invalid_reason} />}
    </div>
  )
}

export function PerformanceMatrixPage() {
  const { runId = '' } = useParams()
  const q = usePerformanceMatrix(runId)
  return (
    <div>
      <PageHeader
        title="Performance matrix"
        subtitle={
          <>
            Run{' '}
            <Link className="font-mono underline" to={`/runs/${runId}`}>
              {runId}
            </Link>{' '}
            · median time per call; rank among valid results only (#1 = fastest)
          </>
        }
      />
      <Card>
        <QueryState isPending={q.isPending} error={q.error} label="Loading matrix">
          {() => {
            const m = q.data!
            const byKey = new Map(m.cells.map((c) => [`${c.experiment}/${c.library}`, c]))
            return (
              <Table caption="Performance matrix: experiments by libraries">
                <thead>
                  <tr>
                    <Th>Experiment</Th>
                    {m.libraries.map((l) => (
                      <Th key={l}>{l}</Th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {m.experiments.map((e) => (
                    <tr key={e}>
                      <Th scope="row" className="font-mono text-xs font-normal">
                        <Link className="underline" to={`/runs/${runId}/experiments/${e}`}>
                          {e}
                        </Link>
                      </Th>
                      {m.libraries.map((l) => (
                        <Td key={l}>
                          <Cell c={byKey.get(`${e}/${l}`)} />
                        </Td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </Table>
            )
          }}
        </QueryState>
      </Card>
    </div>
  )
}
