import { Info } from 'lucide-react'
import { Alert } from '@/components/ui/Alert'
import { OutcomeBadge, ParityBadge, UnstableBadge } from '@/components/ui/Badges'
import { fmtNs, fmtNum } from '@/lib/format'
import { speedupLabel } from '@/lib/speedup'
import type { Experiment, RunExperiment } from '@/lib/types'
import { useExperimentSummary } from '../api/getExperimentSummary'

/** The experiment's summary.md as the orchestrator wrote it (plain text; it is a table-heavy report). */
function SummaryMarkdown({ runId, experiment }: { runId: string; experiment: string }) {
  const q = useExperimentSummary(runId, experiment)
  if (q.error) return <p className="text-xs text-red-700 dark:text-red-300">Summary unavailable: {(q.error as Error).message}</p>
  if (!q.data?.summary_md) return null
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
      <summary className="cursor-pointer font-medium">Summary (summary.md)</summary>
      <pre aria-label="Experiment summary" className="mt-2 overflow-auto whitespace-pre text-xs">{q.data.summary_md}</pre>
    </details>
  )
}

export function OverviewTab({ data, info }: { data: RunExperiment; info: Experiment | undefined }) {
  const gaps = data.results.filter((r) => r.parity === 'model-mismatch')
  return (
    <div className="space-y-4">
      {info?.description && <p className="max-w-3xl text-sm">{info.description}</p>}
      {gaps.length > 0 && (
        <Alert tone="warning" title="Model gap, not numerical error">
          {gaps.map((g) => g.library).join(', ')} implement{gaps.length === 1 ? 's' : ''} a different model than the reference (
          {gaps[0].reference_model ?? 'reference model'}): their errors measure the model difference.
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {data.results.map((r) => {
          const m = r.accuracy ? r.accuracy.metrics[r.accuracy.primary_metric] : undefined
          const p = r.performance
          return (
            <article key={r.library} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" aria-label={`${r.library} metrics`}>
              <header className="mb-2 flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold">
                  {r.library} {r.role === 'reference' && <span className="text-xs font-normal text-slate-500">(reference)</span>}
                </h3>
                <span className="flex gap-1">
                  <ParityBadge parity={r.parity} />
                  <OutcomeBadge outcome={r.outcome} />
                </span>
              </header>
              <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">{r.model ?? 'model not stated'}</p>
              {r.outcome !== 'completed' ? (
                <p className="text-sm">{r.outcome_detail ?? 'No result.'}</p>
              ) : (
                <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600 dark:text-slate-400">p50 |error|</dt>
                  <dd className="tabular-nums">{fmtNum(m?.p50)} {m?.unit}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">p99 |error|</dt>
                  <dd className="tabular-nums">{fmtNum(m?.p99)} {m?.unit}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">max |error|</dt>
                  <dd className="tabular-nums">{fmtNum(m?.max)} {m?.unit}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">median / op</dt>
                  <dd className="tabular-nums">{p ? fmtNs(p.median_ns) : 'no perf'}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">speedup vs ref.</dt>
                  <dd className="tabular-nums">{p ? speedupLabel({ valid: p.valid, speedup: p.speedup_vs_reference, verdict: p.speedup_verdict, parity: r.parity, label: p.speedup_label }) : '—'}</dd>
                  {(r.accuracy?.nan_outputs ?? 0) + (r.accuracy?.inf_outputs ?? 0) > 0 && (
                    <>
                      <dt className="text-red-700 dark:text-red-300">NaN / Inf outputs</dt>
                      <dd className="text-red-700 dark:text-red-300">
                        {r.accuracy?.nan_outputs ?? 0} / {r.accuracy?.inf_outputs ?? 0}
                      </dd>
                    </>
                  )}
                </dl>
              )}
              {p && !p.valid && (
                <div className="mt-2">
                  <UnstableBadge reason={p.invalid_reason} />
                </div>
              )}
            </article>
          )
        })}
      </div>
      {data.results[0]?.accuracy?.primary_metric && (
        <p className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
          <Info aria-hidden className="h-3.5 w-3.5" /> Primary metric: <span className="font-mono">{data.results.find((r) => r.accuracy)?.accuracy?.primary_metric}</span>
        </p>
      )}
      <SummaryMarkdown runId={data.run_id} experiment={data.experiment} />
    </div>
  )
}
