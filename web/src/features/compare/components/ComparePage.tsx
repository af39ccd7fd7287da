import { useMemo } from 'react'
import { Link } from 'react-router'
import { AlertTriangle } from 'lucide-react'
import { Alert } from '@/components/ui/Alert'
import { VerdictBadge } from '@/components/ui/Badges'
import { Card, PageHeader } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { cn } from '@/lib/cn'
import { fmtNs, fmtNum } from '@/lib/format'
import { useUrlState } from '@/lib/useUrlState'
import { useRuns } from '@/features/runs/api/getRuns'
import { useCompare, type Verdict } from '../api/getCompare'
import { MachineCard, MachineRowNote, MachineWarning } from './CompareMachine'

const changed = (v: Verdict) => v !== 'unchanged'
const rowTone = (v: Verdict) =>
  v === 'regressed' ? 'bg-red-50/70 dark:bg-red-950/40' : v === 'improved' ? 'bg-green-50/70 dark:bg-green-950/40' : undefined

function RunPicker({ label, value, onChange, runs }: { label: string; value: string; onChange: (v: string) => void; runs: string[] }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      <select
        className="w-72 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">— pick a run —</option>
        {runs.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </label>
  )
}

export function ComparePage() {
  // The pickers and "Changed only" live in the URL (shareable) and show a change at once.
  const [params, setParams] = useUrlState()
  const a = params.get('a') ?? ''
  const b = params.get('b') ?? ''
  const changedOnly = params.get('changed') === '1'
  const runs = useRuns()
  const ids = useMemo(() => (runs.data ?? []).map((r) => r.id), [runs.data])
  const q = useCompare(a || null, b || null)

  const set = (k: string, v: string) => setParams({ [k]: v }, { replace: true })

  const acc = (q.data?.accuracy ?? []).filter((r) => !changedOnly || changed(r.verdict))
  const perf = (q.data?.performance ?? []).filter((r) => !changedOnly || changed(r.verdict))
  const rules = q.data?.rules

  return (
    <div className="space-y-4">
      <PageHeader title="Compare runs" subtitle="A is the baseline, B the candidate. Changes count only when significant." />
      <Card>
        <div className="flex flex-wrap items-end gap-4">
          <RunPicker label="Run A (baseline)" value={a} onChange={(v) => set('a', v)} runs={ids} />
          <RunPicker label="Run B (candidate)" value={b} onChange={(v) => set('b', v)} runs={ids} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={changedOnly} onChange={(e) => set('changed', e.target.checked ? '1' : '')} />
            Changed only
          </label>
        </div>
        {a && b && a === b && <p className="mt-3 text-sm text-orange-700 dark:text-orange-300">Pick two different runs.</p>}
      </Card>

      {a && b && a !== b && (
        <QueryState isPending={q.isPending} error={q.error} label="Comparing">
          {() => (
            <>
              {q.data!.testbeds?.differ && (
                <Alert tone="warning" title="Different testbeds" className="mb-3">
                  Run A was measured on testbed {q.data!.testbeds.a}, run B on {q.data!.testbeds.b}: performance differences may be the machine, not the code.
                </Alert>
              )}
              <MachineWarning machine={q.data!.machine} />
              {q.data!.summary && (
                <div className="grid gap-3 sm:grid-cols-4" data-testid="compare-summary">
                  {(
                    [
                      ['Accuracy regressions', q.data!.summary.accuracy_regressions, 'red'],
                      ['Accuracy improvements', q.data!.summary.accuracy_improvements, 'green'],
                      ['Perf regressions', q.data!.summary.perf_regressions, 'red'],
                      ['Perf improvements', q.data!.summary.perf_improvements, 'green'],
                    ] as const
                  ).map(([label, n, tone]) => (
                    <div
                      key={label}
                      className={cn(
                        'rounded-lg border p-3',
                        n > 0 && tone === 'red' && 'border-red-300 dark:border-red-800',
                        n > 0 && tone === 'green' && 'border-green-300 dark:border-green-800',
                        n === 0 && 'border-slate-200 dark:border-slate-800',
                      )}
                    >
                      <div className="text-2xl font-semibold tabular-nums">{n}</div>
                      <div className="text-sm text-slate-600 dark:text-slate-400">{label}</div>
                    </div>
                  ))}
                </div>
              )}
              <Card title="Accuracy (p99 |error| of the primary metric)">
                <Table caption="Accuracy deltas">
                  <thead>
                    <tr>
                      <Th>Experiment</Th>
                      <Th>Library</Th>
                      <Th className="text-right">p99 A</Th>
                      <Th className="text-right">p99 B</Th>
                      <Th className="text-right">Δ p99</Th>
                      <Th className="text-right">relative</Th>
                      <Th>Verdict</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {acc.map((r) => (
                      <tr key={`${r.experiment}/${r.library}`} className={rowTone(r.verdict)}>
                        <Td className="font-mono text-xs">{r.experiment}</Td>
                        <Td>{r.library}</Td>
                        <Td className="text-right tabular-nums">{fmtNum(r.p99_a)} <span className="text-xs text-slate-500">{r.unit}</span></Td>
                        <Td className="text-right tabular-nums">{fmtNum(r.p99_b)} <span className="text-xs text-slate-500">{r.unit}</span></Td>
                        <Td className="text-right tabular-nums">{fmtNum(r.delta_p99)}</Td>
                        <Td className="text-right tabular-nums">{r.relative_change == null ? '—' : `${(r.relative_change * 100).toFixed(1)} %`}</Td>
                        <Td>
                          <span className="flex flex-wrap items-center gap-1">
                            <VerdictBadge verdict={r.verdict} />
                            {r.dataset_changed && (
                              <span className="inline-flex items-center gap-1 text-xs text-orange-700 dark:text-orange-300" title="The two datasets' fingerprints differ">
                                <AlertTriangle aria-hidden className="h-3.5 w-3.5" /> dataset changed
                              </span>
                            )}
                          </span>
                        </Td>
                      </tr>
                    ))}
                    {acc.length === 0 && (
                      <tr>
                        <Td colSpan={7} className="py-4 text-center text-slate-500">
                          {changedOnly ? 'No significant accuracy change.' : 'Nothing to compare.'}
                        </Td>
                      </tr>
                    )}
                  </tbody>
                </Table>
              </Card>
              <Card title="Performance (median time per call)">
                <Table caption="Performance deltas">
                  <thead>
                    <tr>
                      <Th>Experiment</Th>
                      <Th>Library</Th>
                      <Th className="text-right">median A</Th>
                      <Th className="text-right">median B</Th>
                      <Th className="text-right">change</Th>
                      <Th>CIs</Th>
                      <Th>Verdict</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {perf.map((r) => (
                      <tr key={`${r.experiment}/${r.library}`} className={rowTone(r.verdict)}>
                        <Td className="font-mono text-xs">{r.experiment}</Td>
                        <Td>{r.library}</Td>
                        <Td className="text-right tabular-nums">{fmtNs(r.median_ns_a)}</Td>
                        <Td className="text-right tabular-nums">{fmtNs(r.median_ns_b)}</Td>
                        <Td className="text-right tabular-nums">{r.change_percent == null ? '—' : `${r.change_percent > 0 ? '+' : ''}${r.change_percent.toFixed(1)} %`}</Td>
                        <Td className="text-xs">{r.ci_overlap == null ? '—' : r.ci_overlap ? 'overlap' : 'disjoint'}</Td>
                        <Td>
                          <span className="flex flex-wrap items-center gap-1">
                            <VerdictBadge verdict={r.verdict} />
                            <MachineRowNote machine={q.data!.machine} verdict={r.verdict} />
                          </span>
                        </Td>
                      </tr>
                    ))}
                    {perf.length === 0 && (
                      <tr>
                        <Td colSpan={7} className="py-4 text-center text-slate-500">
                          {changedOnly ? 'No significant performance change.' : 'Nothing to compare.'}
                        </Td>
                      </tr>
                    )}
                  </tbody>
                </Table>
              </Card>
              <MachineCard machine={q.data!.machine} />
              {rules && (
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  Rules: performance changes count when the median moves by more than {rules.perf_min_change_percent ?? 5} %
                  {rules.perf_requires_disjoint_ci ? ' and the confidence intervals of the medians do not overlap' : ''}; accuracy changes when p99 moves
                  by more than {((rules.accuracy_relative_tolerance ?? 0.1) * 100).toFixed(0)} % plus an absolute floor of 1 µas in the metric's unit.{' '}
                  <Link className="underline" to={`/runs/${a}`}>
                    Open A
                  </Link>{' '}
                  ·{' '}
                  <Link className="underline" to={`/runs/${b}`}>
                    Open B
                  </Link>
                </p>
              )}
            </>
          )}
        </QueryState>
      )}
    </div>
  )
}
