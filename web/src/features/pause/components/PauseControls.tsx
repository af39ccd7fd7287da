import { Button } from '@/components/ui/Button'
import type { JobStatus } from '@/lib/types'
import { usePauseJob } from '../api/pauseJob'
import { useResumeJob } from '../api/resumeJob'

/** Pause (at the boundary or now) a running job, Resume a paused one (docs/pause.md). Nothing for other states. */
export function PauseControls({ jobId, status }: { jobId: string; status: JobStatus }) {
  const pause = usePauseJob()
  const resume = useResumeJob()
  const requested = pause.data?.job_id === jobId && pause.data.status === 'running' ? pause.data.pause_requested : null
  const error = (pause.error ?? resume.error) as Error | null
  if (status !== 'running' && status !== 'paused') return null
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === 'running' && (
        <>
          <Button variant="secondary" disabled={pause.isPending || !!requested} onClick={() => pause.mutate({ id: jobId, mode: 'boundary' })}>
            Pause
          </Button>
          <Button variant="secondary" disabled={pause.isPending || requested === 'now'} onClick={() => pause.mutate({ id: jobId, mode: 'now' })}>
            Pause now
          </Button>
        </>
      )}
      {status === 'paused' && (
        <Button disabled={resume.isPending} onClick={() => resume.mutate(jobId)}>
          Resume
        </Button>
      )}
      {status === 'running' && requested && (
        <span role="status" className="text-sm">
          {requested === 'now' ? 'Pausing now…' : 'Pausing after the current experiment…'}
        </span>
      )}
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error.message}
        </span>
      )}
    </div>
  )
}
