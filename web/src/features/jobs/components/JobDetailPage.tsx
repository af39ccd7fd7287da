import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { ChevronLeft, ChevronRight } from 'lucide-react'
import { Button } from '@/components/ui/Button'
import { Card, PageHeader } from '@/components/ui/Card'
import { LogView } from '@/components/ui/LogView'
import { QueryState } from '@/components/ui/QueryState'
import { StatusBadge } from '@/components/ui/StatusBadge'
import { fmtDate, fmtDuration } from '@/lib/format'
import { isTerminal } from '@/lib/types'
import { SlurmJobInfo } from '@/features/slurm'
import { useJob } from '../api/getJob'
import { useJobHistory } from '../api/getJobHistory'
import { useJobLogPage } from '../api/getJobLogs'
import { useJobStream } from '../api/jobStream'
import { useLiveLog } from '../api/liveLog'
import { JobProgressPanel } from './JobProgressPanel'
import { configSummary } from './JobsPage'
import { PauseControls } from '@/features/pause/components/PauseControls'

const LOG_PAGE = 10_000

/** Whole log of a finished job, 10,000 lines a page (the server's maximum). */
function PagedLog({ id, total }: { id: string; total: number }) {
  const lastPage = Math.max(0, Math.floor(Math.max(0, total - 1) / LOG_PAGE) * LOG_PAGE)
  const [from, setFrom] = useState(lastPage)
  const q = useJobLogPage(id, from, LOG_PAGE)
  const count = q.data?.total ?? total
  return (
    <QueryState isPending={q.isPending} error={q.error} label="Loading log">
      {() => (
        <>
          {count > LOG_PAGE && (
            <div className="mb-2 flex items-center gap-2 text-sm">
              <Button size="sm" variant="secondary" disabled={from === 0} onClick={() => setFrom(Math.max(0, from - LOG_PAGE))}>
                <ChevronLeft aria-hidden className="h-4 w-4" /> Earlier
              </Button>
              <span>
                Lines {(from + 1).toLocaleString()}–{Math.min(count, from + LOG_PAGE).toLocaleString()} of {count.toLocaleString()}
              </span>
              <Button size="sm" variant="secondary" disabled={from + LOG_PAGE >= count} onClick={() => setFrom(from + LOG_PAGE)}>
                Later <ChevronRight aria-hidden className="h-4 w-4" />
              </Button>
            </div>
          )}
          <LogView label="Job log" lines={q.data!.lines} firstLine={q.data!.from} heightPx={520} />
        </>
      )}
    </QueryState>
  )
}

export function JobDetailPage() {
  const { jobId = '' } = useParams()
  const q = useJob(jobId)
  const history = useJobHistory(jobId)
  const job = q.data
  const live = !!job && !isTerminal(job.status)
  useJobStream(jobId, live)
  const liveLog = useLiveLog(live ? jobId : null)

  return (
    <div className="space-y-4">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            Job <span className="font-mono text-xl">{jobId}</span> {job && <StatusBadge status={job.status} />}
          </span>
        }
        actions={
          <span className="flex flex-wrap items-center gap-3">
            {job && <PauseControls jobId={jobId} status={job.status} />}
            {live && (
              <Link className="text-sm underline" to={`/run?job=${jobId}`}>
                Watch on the Run page
              </Link>
            )}
          </span>
        }
      />
      <QueryState isPending={q.isPending} error={q.error} label="Loading job">
        {() => (
          <>
            <div className="grid gap-4 lg:grid-cols-3">
              <Card title="Job" className="lg:col-span-2">
                <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-slate-600 dark:text-slate-400">Created</dt>
                  <dd>{fmtDate(job!.created_at)}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Started</dt>
                  <dd>{fmtDate(job!.started_at)}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Finished</dt>
                  <dd>{fmtDate(job!.finished_at)}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Duration</dt>
                  <dd>{fmtDuration(job!.started_at, job!.finished_at)}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Configuration</dt>
                  <dd>{configSummary(job!)}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Notes</dt>
                  <dd className="whitespace-pre-wrap">{job!.notes ?? '—'}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Exit code</dt>
                  <dd className="font-mono">{job!.exit_code ?? '—'}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Reason</dt>
                  <dd>{job!.reason ?? '—'}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Run</dt>
                  <dd className="font-mono">
                    {job!.run_id ? (
                      <Link className="underline" to={`/runs/${job!.run_id}`}>
                        {job!.run_id}
                      </Link>
                    ) : (
                      'no results folder'
                    )}
                  </dd>
                </dl>
                {live && (
                  <div className="mt-4">
                    <JobProgressPanel progress={job!.progress} />
                  </div>
                )}
              </Card>
              <SlurmJobInfo jobId={jobId} />
              <Card title="Timeline">
                <QueryState isPending={history.isPending} error={history.error}>
                  {() => (
                    <ol className="space-y-2 text-sm">
                      {history.data!.map((t, i) => (
                        <li key={i} className="flex flex-wrap items-center gap-2">
                          <StatusBadge status={t.to} />
                          <span className="text-xs text-slate-600 dark:text-slate-400">{fmtDate(t.at)}</span>
                          {t.reason && <span className="text-xs">{t.reason}</span>}
                        </li>
                      ))}
                    </ol>
                  )}
                </QueryState>
              </Card>
            </div>
            <Card title="Log">
              {live ? (
                <LogView label="Job log" lines={liveLog.data?.lines ?? []} firstLine={liveLog.data?.first ?? 0} hiddenBefore={liveLog.data?.first ?? 0} heightPx={520} />
              ) : (
                <PagedLog id={jobId} total={job!.log_lines ?? 0} />
              )}
            </Card>
          </>
        )}
      </QueryState>
    </div>
  )
}
