import { useMemo } from 'react'
import { Link, useParams } from 'react-router'
import { AlertTriangle, Download, GitCompare, Grid3x3, Trophy } from 'lucide-react'
import { Alert } from '@/components/ui/Alert'
import { CompleteBadge, OutcomeBadge, ParityBadge, UnstableBadge } from '@/components/ui/Badges'
import { Card, PageHeader } from '@/components/ui/Card'
import { alignSeries, Plot } from '@/components/ui/Plot'
import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtDate, fmtNs, fmtNum } from '@/lib/format'
import { fmtLevel, speedupIntervalLabel, speedupLabel } from '@/lib/speedup'
import type { RunDetail } from '@/lib/types'
import { useExperiments } from '@/features/experiments/api/getExperiments'
import { ScoreboardSection } from '@/features/scoreboard'
import { runDownloadUrl, useRun } from '../api/getRun'
import { BaselineBadge, SetBaselineButton } from '@/features/baselines'
import { isStaticSite } from '@/lib/staticSite'
import { fastestByExperiment, qualityAlerts, scatterGroups } from './dashboardModel'
import { MachineProbeCard, MachineVariedAlert } from './MachineProbe'

function SummaryTable({ run }: { run: RunDetail }) {
  const fastest = fastestByExperiment(run.rows)
  return (
    <Table caption="Results by experiment and library">
      <thead>
        <tr>
          <Th>Experiment</Th>
          <Th>Library</Th>
          <Th>Parity</Th>
          <Th>Outcome</Th>
          <Th className="text-right">p50 |error|</Th>
          <Th className="text-right">p99 |error|</Th>
          <Th className="text-right">max |error|</Th>
          <Th className="text-right">median / op</Th>
          <Th className="text-right">CI of median</Th>
          <Th className="text-right">speedup vs ref.</Th>
          <Th>Perf</Th>
        </tr>
      </thead>
      <tbody>
        {run.rows.map((r) => (
          <tr key={`${r.experiment}/${r.library}`}>
            <Td className="font-mono text-xs">
              <Link className="underline" to={`/runs/${run.id}/experiments/${r.experiment}`}>
                {r.experiment}
              </Link>
            </Td>
            <Td>
              {r.library}
              {r.role === 'reference' && <span className="ml-1 text-xs text-slate-500">(reference)</span>}
            </Td>
            <Td>
              <ParityBadge parity={r.parity} />
            </Td>
            <Td>
              <OutcomeBadge outcome={r.outcome} />
            </Td>
            {[r.p50, r.p99, r.max].map((v, i) => (
              <Td key={i} className="whitespace-nowrap text-right tabular-nums">
                {fmtNum(v)} {v != null && <span className="text-xs text-slate-500">{r.unit}</span>}
              </Td>
            ))}
            <Td className="whitespace-nowrap text-right tabular-nums">{fmtNs(r.median_ns)}</Td>
            <Td className="whitespace-nowrap text-right text-xs tabular-nums text-slate-600 dark:text-slate-400">
              {r.ci_low_ns != null && r.ci_high_ns != null ? `${fmtNs(r.ci_low_ns)} – ${fmtNs(r.ci_high_ns)}` : '—'}
              {r.ci_low_ns != null && r.ci_level != null && <span className="block">{fmtLevel(r.ci_level)} coverage</span>}
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {r.role === 'reference' && r.perf_valid === true
                ? 'reference'
                : speedupLabel({ valid: r.perf_valid, speedup: r.speedup_vs_reference, verdict: r.speedup_verdict, parity: r.parity, label: r.speedup_label })}
              {r.perf_valid === true && speedupIntervalLabel(r.speedup_ci_low, r.speedup_ci_high, r.speedup_ci_level) != null && (
                <span className="block text-xs text-slate-500">{speedupIntervalLabel(r.speedup_ci_low, r.speedup_ci_high, r.speedup_ci_level)}</span>
              )}
            </Td>
            <Td>
              {r.perf_valid === false ? (
                <UnstableBadge reason={r.perf_invalid_reason} />
              ) : fastest.get(r.experiment) === r.library ? (
                <span className="inline-flex items-center gap-1 text-xs font-medium text-green-800 dark:text-green-300">
                  <Trophy aria-hidden className="h-3.5 w-3.5" /> fastest
                </span>
              ) : r.median_ns == null ? (
                <span className="text-xs text-slate-500">no perf</span>
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

function ParityMatrix({ run }: { run: RunDetail }) {
  const exps = [...new Set(run.rows.map((r) => r.experiment))]
  const libs = [...new Set(run.rows.map((r) => r.library))]
  const cell = new Map(run.rows.map((r) => [`${r.experiment}/${r.library}`, r]))
  return (
    <Table caption="Parity matrix">
      <thead>
        <tr>
          <Th>Experiment</Th>
          {libs.map((l) => (
            <Th key={l}>{l}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {exps.map((e) => (
          <tr key={e}>
            <Th scope="row" className="font-mono text-xs font-normal">
              {e}
            </Th>
            {libs.map((l) => {
              const r = cell.get(`${e}/${l}`)
              return (
                <Td key={l} title={r?.model ?? undefined}>
                  {r ? <ParityBadge parity={r.parity} /> : <span className="text-slate-400">n/a</span>}
                </Td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

function KeyValues({ data }: { data: Record<string, unknown> | undefined }) {
  if (!data) return <p className="text-sm text-slate-500">Not recorded.</p>
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {Object.entries(data).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
          <dd className="break-all font-mono text-xs">{v === null || v === undefined ? '—' : Array.isArray(v) ? v.join(', ') : String(v)}</dd>
        </div>
      ))}
    </dl>
  )
}

export function RunDashboardPage() {
  const { runId = '' } = useParams()
  const q = useRun(runId)
  const catalog = useExperiments()
  const run = q.data
  const alerts = useMemo(() => (run ? qualityAlerts(run) : []), [run])
  const groups = useMemo(() => (run ? scatterGroups(run.rows, catalog.data) : []), [run, catalog.data])
  const m = run?.manifest

  return (
    <div className="space-y-4">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            Run <span className="font-mono text-xl">{runId}</span>
            {m?.completeness && <CompleteBadge complete={!!m.completeness.complete} />}
            <BaselineBadge runId={runId} />
          </span>
        }
        subtitle={m ? `${fmtDate(m.started_at)} → ${fmtDate(m.finished_at)} · ${String(m.environment?.machine ?? 'unknown machine')}` : undefined}
        actions={
          <>
            <Link className="inline-flex items-center gap-1 text-sm underline" to={`/runs/${runId}/performance`}>
              <Grid3x3 aria-hidden className="h-4 w-4" /> Performance matrix
            </Link>
            {!isStaticSite && (
              <Link className="inline-flex items-center gap-1 text-sm underline" to={`/compare?b=${runId}`}>
                <GitCompare aria-hidden className="h-4 w-4" /> Compare…
              </Link>
            )}
            {!isStaticSite && (
              <>
                <a className="inline-flex items-center gap-1 text-sm underline" href={runDownloadUrl(runId)} download>
                  <Download aria-hidden className="h-4 w-4" /> Download zip
                </a>
                <SetBaselineButton runId={runId} />
              </>
            )}
          </>
        }
      />
      <QueryState isPending={q.isPending} error={q.error} label="Loading run">
        {() => (
          <>
            {m?.config?.ci_mode && (
              <Alert tone="warning" title="CI mode run">
                One short perf round per library: the timings are smoke-test numbers, not measurements.
              </Alert>
            )}
            <MachineVariedAlert probe={m?.machine?.probe ?? null} />
            {alerts.length > 0 && (
              <Card title={<span className="inline-flex items-center gap-2"><AlertTriangle aria-hidden className="h-4 w-4 text-orange-600" /> Data-quality alerts ({alerts.length})</span>}>
                <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="quality-alerts">
                  {alerts.map((a, i) => (
                    <li key={i}>{a.text}</li>
                  ))}
                </ul>
              </Card>
            )}
            <Card title="Summary">
              <SummaryTable run={run!} />
              <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                |error| statistics of each experiment's primary metric, in its own unit. Median time per call with the distribution-free confidence
                interval of the median and its exact coverage. Speedup = reference median / this median, only between two valid results, with a
                bootstrap interval; “≈ 1×” when that interval contains 1. Results flagged invalid (too few rounds, unstable) have no speedup and are
                never ranked.
              </p>
            </Card>
            <ScoreboardSection runId={runId} />
            <Card title="Accuracy vs speed">
              {groups.length === 0 ? (
                <p className="text-sm text-slate-500">No candidate has both an accuracy and a valid timing to plot.</p>
              ) : (
                <div className="grid gap-6 lg:grid-cols-2">
                  {groups.map((g) => (
                    <ScatterPlot key={g.key} group={g} />
                  ))}
                </div>
              )}
            </Card>
            <div className="grid gap-4 lg:grid-cols-2">
              <Card title="Parity matrix">
                <ParityMatrix run={run!} />
              </Card>
              <Card title="Configuration">
                <KeyValues data={m?.config as Record<string, unknown> | undefined} />
              </Card>
              <Card title="Environment">
                <KeyValues data={m?.environment} />
              </Card>
              <MachineProbeCard probe={m?.machine?.probe ?? null} />
              <Card title="Adapters">
                {m?.adapters?.length ? (
                  <ul className="space-y-1 text-sm">
                    {m.adapters.map((a) => (
                      <li key={a.name}>
                        <span className="font-medium">{a.name}</span> <span className="text-slate-500">({a.language})</span>:{' '}
                        <span className="font-mono text-xs">{a.version ?? 'version unknown'}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-slate-500">Not recorded.</p>
                )}
              </Card>
            </div>
          </>
        )}
      </QueryState>
    </div>
  )
}

function ScatterPlot({ group }: { group: ReturnType<typeof scatterGroups>[number] }) {
  const { data, series } = useMemo(() => {
    const per = group.libraries.map((lib) => group.points.filter((p) => p.library === lib).map((p) => ({ x: p.x, y: p.y })))
    return { data: alignSeries(per), series: group.libraries.map((label) => ({ label })) }
  }, [group])
  return (
    <Plot
      title={`${group.family}: p99 |error| (${group.unit}) vs time per call`}
      data={data}
      series={series}
      xLabel="median ns/op"
      yLabel={`p99 |error| (${group.unit})`}
      xLog
      yLog
      scatter
      height={280}
    />
  )
}
