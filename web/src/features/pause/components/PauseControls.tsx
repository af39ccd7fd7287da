import { Button } from '@/components/ui/Button'
import type { JobStatus } from '@/lib/types'
import { usePauseJob } from '../api/pauseJob'
import { useResumeJob } from '../api/resumeJob'

/**
 * Pause (at the boundary or now) a running job, Resume a paused one (docs/pause.md). Nothing for other states.
 * `inRow`: small buttons whose names carry the job id, for a row of a list (Job history, the queue panel).
 */
export function PauseControls({ jobId, status, inRow = false }: { jobId: string; status: JobStatus; inRow?: boolean }) {
  const pause = usePauseJob()
  const resume = useResumeJob()
  const requested = pause.data?.job_id === jobId && pause.data.status === 'running' ? pause.data.pause_requested : null
  const error = (pause.error ?? resume.error) as Error | null
  if (status !== 'running' && status !== 'paused') return null
  const size = inRow ? 'sm' : 'md'
  const label = (text: string) => (inRow ? `${text} job ${jobId}` : undefined)
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === 'running' && (
        <>
          <Button
            size={size}
            variant="secondary"
            aria-label={label('Pause')}
            disabled={pause.isPending || !!requested}
            onClick={() => pause.mutate({ id: jobId, mode: 'boundary' })}
          >
            Pause
          </Button>
          <Button
            size={size}
            variant="secondary"
            aria-label={label('Pause now')}
            disabled={pause.isPending || requested === 'now'}
            onClick={() => pause.mutate({ id: jobId, mode: 'now' })}
          >
            Pause now
          </Button>
        </>
      )}
      {status === 'paused' && (
        <Button size={size} aria-label={label('Resume')} disabled={resume.isPending} onClick={() => resume.mutate(jobId)}>
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
