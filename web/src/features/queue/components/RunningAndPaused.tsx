import { Link } from 'react-router'
import { StatusBadge } from '@/components/ui/StatusBadge'
import { Table, Td, Th } from '@/components/ui/Table'
import { useJobs } from '@/features/jobs/api/getJobs'
import { configSummary } from '@/features/jobs/components/JobsPage'
import { PauseControls } from '@/features/pause/components/PauseControls'

/** The newest page of job history, the same query as the Job history list (one fetch where both show). */
const PAGE = 50

/**
 * Jobs ahead of the queue that a person can pause or resume: the running and paused ones among the newest jobs
 * (docs/pause.md). Nothing when there are none (or the list cannot be read: the queue below still works).
 */
export function RunningAndPaused() {
  const jobs = useJobs(PAGE, 0)
  const rows = jobs.data?.items.filter((j) => j.status === 'running' || j.status === 'paused') ?? []
  if (rows.length === 0) return null
  return (
    <div className="mb-4">
      <Table caption="Running and paused jobs">
        <thead>
          <tr>
            <Th>Job</Th>
            <Th>Configuration</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((j) => (
            <tr key={j.job_id} data-job-id={j.job_id}>
              <Td className="font-mono text-xs">
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={j.status} />
                  <Link className="underline" to={`/jobs/${j.job_id}`}>
                    {j.job_id}
                  </Link>
                </div>
              </Td>
              <Td className="min-w-48 max-w-72 text-xs">{configSummary(j)}</Td>
              <Td>
                <PauseControls jobId={j.job_id} status={j.status} inRow />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  )
}
