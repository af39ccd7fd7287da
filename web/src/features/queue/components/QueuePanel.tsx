import { Link } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { X } from 'lucide-react'
import { Button } from '@/components/ui/Button'
import { Card } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { StatusBadge } from '@/components/ui/StatusBadge'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtDate } from '@/lib/format'
import { useCancelJob } from '@/features/jobs/api/cancelJob'
import { configSummary } from '@/features/jobs/components/JobsPage'
import { useQueue } from '../api/getQueue'
import { queueKeys } from '../api/keys'
import { PriorityEditor } from './PriorityEditor'
import { RunningAndPaused } from './RunningAndPaused'

/**
 * The queue in dispatch order: position, editable priority, estimated start and cancel (Run Benchmarks and Job history),
 * below the running and paused jobs with their Pause and Resume buttons.
 */
export function QueuePanel() {
  const q = useQueue()
  const qc = useQueryClient()
  const cancel = useCancelJob()
  const count = q.data?.length ?? 0
  return (
    <Card title={`Queue${q.data ? ` (${count})` : ''}`}>
      <RunningAndPaused />
      <QueryState isPending={q.isPending} error={q.error} label="Loading the queue">
        {() =>
          count === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">The queue is empty: enqueued jobs wait here for the machine.</p>
          ) : (
            <Table caption="Queued jobs in dispatch order">
              <thead>
                <tr>
                  <Th>Position</Th>
                  <Th>Job</Th>
                  <Th>Priority</Th>
                  <Th>Class</Th>
                  <Th>Estimated start</Th>
                  <Th>Configuration</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {q.data!.map((j) => (
                  <tr key={j.job_id} data-job-id={j.job_id}>
                    <Td className="tabular-nums">{j.queue_position}</Td>
                    <Td className="font-mono text-xs">
                      <div className="flex flex-wrap items-center gap-2">
                        <StatusBadge status={j.status} />
                        <Link className="underline" to={`/jobs/${j.job_id}`}>
                          {j.job_id}
                        </Link>
                      </div>
                      {j.concurrency_key && <div className="mt-1 text-slate-600 dark:text-slate-400">key {j.concurrency_key}</div>}
                    </Td>
                    <Td>
                      <PriorityEditor key={`${j.job_id}:${j.priority}`} jobId={j.job_id} priority={j.priority} />
                    </Td>
                    <Td className="text-xs">{j.resource_class === 'timing' ? 'timing (exclusive)' : 'accuracy'}</Td>
                    <Td className="whitespace-nowrap text-xs">{j.estimated_start_at ? fmtDate(j.estimated_start_at) : 'unknown'}</Td>
                    <Td className="min-w-48 max-w-72 text-xs">{configSummary(j)}</Td>
                    <Td>
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={`Cancel job ${j.job_id}`}
                        disabled={cancel.isPending && cancel.variables?.id === j.job_id}
                        onClick={() => cancel.mutate({ id: j.job_id }, { onSettled: () => void qc.invalidateQueries({ queryKey: queueKeys.all }) })}
                      >
                        <X aria-hidden className="h-3.5 w-3.5" /> Cancel
                      </Button>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
      {cancel.error && <p className="mt-2 text-sm font-medium text-red-700 dark:text-red-300">Cancel failed: {(cancel.error as Error).message}</p>}
    </Card>
  )
}
