import { useState } from 'react'
import { Link } from 'react-router'
import { ChevronLeft, ChevronRight, ScrollText } from 'lucide-react'
import { Button } from '@/components/ui/Button'
import { Card, PageHeader } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { StatusBadge } from '@/components/ui/StatusBadge'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtDate, fmtDuration } from '@/lib/format'
import type { Job } from '@/lib/types'
import { useJobs } from '../api/getJobs'
import { QueuePanel } from '@/features/queue/components/QueuePanel'
import { PauseControls } from '@/features/pause/components/PauseControls'

const PAGE = 50

export function configSummary(job: Pick<Job, 'config'>): string {
  const c = job.config
  if (!c) return '—'
  const exps = c.experiments?.length === 1 && c.experiments[0] === 'all' ? 'all experiments' : `${c.experiments?.length ?? 0} experiment(s): ${c.experiments?.join(', ')}`
  const libs = c.libraries ? c.libraries.join(', ') : 'all libraries'
  const perf = c.no_perf ? 'no perf' : `${c.perf_rounds} rounds`
  return `${exps} · ${libs} · N=${c.n} · seed ${c.seed} · ${perf}${c.ci_mode ? ' · CI' : ''}`
}

export function JobsPage() {
  const [offset, setOffset] = useState(0)
  const q = useJobs(PAGE, offset)
  const total = q.data?.total ?? 0
  return (
    <div>
      <PageHeader title="Job history" subtitle="Every benchmark job, newest first." />
      <div className="mb-4">
        <QueuePanel />
      </div>
      <Card>
        <QueryState isPending={q.isPending} error={q.error} label="Loading jobs">
          {() => (
            <>
              <Table caption="Benchmark jobs">
                <thead>
                  <tr>
                    <Th>Status</Th>
                    <Th>Job</Th>
                    <Th>Started</Th>
                    <Th>Finished</Th>
                    <Th>Duration</Th>
                    <Th>Configuration</Th>
                    <Th>Notes</Th>
                    <Th>Run</Th>
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  </tr>
                </thead>
                <tbody>
                  {q.data!.items.map((j) => (
                    <tr key={j.job_id} data-job-id={j.job_id} data-status={j.status}>
                      <Td>
                        <StatusBadge status={j.status} />
                        {j.reason && j.status !== 'completed' && <div className="mt-1 max-w-48 text-xs text-slate-600 dark:text-slate-400">{j.reason}</div>}
                      </Td>
                      <Td className="font-mono text-xs">
                        <Link className="underline" to={`/jobs/${j.job_id}`}>
                          {j.job_id}
                        </Link>
                      </Td>
                      <Td className="whitespace-nowrap">{fmtDate(j.started_at ?? j.created_at)}</Td>
                      <Td className="whitespace-nowrap">{fmtDate(j.finished_at)}</Td>
                      <Td className="whitespace-nowrap tabular-nums">{fmtDuration(j.started_at, j.finished_at)}</Td>
                      <Td className="min-w-56 max-w-80 text-xs">{configSummary(j)}</Td>
                      <Td className="max-w-56 truncate text-xs" title={j.notes ?? undefined}>
                        {j.notes ?? '—'}
                      </Td>
                      <Td className="whitespace-nowrap font-mono text-xs">
                        {j.run_id ? (
                          <Link className="underline" to={`/runs/${j.run_id}`}>
                            {j.run_id}
                          </Link>
                        ) : (
                          '—'
                        )}
                      </Td>
                      <Td>
                        <div className="flex flex-wrap items-center gap-2">
                        <PauseControls jobId={j.job_id} status={j.status} inRow />
                        <Link
                          to={`/jobs/${j.job_id}`}
                          className="inline-flex items-center gap-1 whitespace-nowrap rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
                        >
                          <ScrollText aria-hidden className="h-3.5 w-3.5" /> View Logs
                        </Link>
                        </div>
                      </Td>
                    </tr>
                  ))}
                  {q.data!.items.length === 0 && (
                    <tr>
                      <Td colSpan={9} className="py-6 text-center text-slate-500">
                        No jobs yet. <Link className="underline" to="/run">Run a benchmark</Link>.
                      </Td>
                    </tr>
                  )}
                </tbody>
              </Table>
              <div className="mt-3 flex items-center justify-between text-sm">
                <span className="text-slate-600 dark:text-slate-400">
                  {q.data!.items.length ? `${offset + 1}–${offset + q.data!.items.length}` : '0'}
                  {` of ${total}`}
                </span>
                <div className="flex gap-2">
                  <Button size="sm" variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                    <ChevronLeft aria-hidden className="h-4 w-4" /> Newer
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={offset + PAGE >= total}
                    onClick={() => setOffset(offset + PAGE)}
                  >
                    Older <ChevronRight aria-hidden className="h-4 w-4" />
                  </Button>
                </div>
              </div>
            </>
          )}
        </QueryState>
      </Card>
    </div>
  )
}
