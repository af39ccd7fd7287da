import { useEffect, useRef, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { Loader2, Skull, WifiOff, X } from 'lucide-react'
import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card, PageHeader } from '@/components/ui/Card'
import { LogView } from '@/components/ui/LogView'
import { StatusBadge } from '@/components/ui/StatusBadge'
import { ApiError } from '@/lib/api'
import { useUrlState } from '@/lib/useUrlState'
import { useAdapters } from '@/features/experiments/api/getAdapters'
import { useExperiments } from '@/features/experiments/api/getExperiments'
import { StorageEstimate } from '@/features/storage/components/StorageEstimate'
import { estimateQuery } from '@/features/storage/lib/estimateQuery'
import { useActiveJob } from '../api/getActiveJob'
import { useJob } from '../api/getJob'
import { useLimits } from '../api/getLimits'
import { useCancelJob } from '../api/cancelJob'
import { useKillJob } from '../api/killJob'
import { useStartJob } from '../api/startJob'
import { useJobStream } from '../api/jobStream'
import { useLiveLog } from '../api/liveLog'
import { deriveRunPhase, runControls } from '../lib/runPhase'
import { defaultRunForm, toStartRequest, validateRunForm, type RunFormErrors, type RunFormValues } from '../lib/runForm'
import { JobProgressPanel } from './JobProgressPanel'
import { EnqueueControls } from '@/features/queue/components/EnqueueControls'
import { QueuePanel } from '@/features/queue/components/QueuePanel'
import { PlacementFields, type Placement } from '@/features/slurm'
import { RunForm } from './RunForm'

export const REDIRECT_DELAY_MS = 2000

/** Milliseconds the current job has spent in `cancelling`, ticking while it does. */
function useCancellingFor(active: boolean): number {
  const since = useRef<number | null>(null)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) {
      since.current = null
      return
    }
    since.current ??= Date.now()
    const t = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(t)
  }, [active])
  return active && since.current ? Math.max(0, now - since.current) : 0
}

export function RunBenchmarksPage() {
  const navigate = useNavigate()
  // The followed job is in the URL; a new job shows at once, not when the router's transition commits.
  const [params, setParams] = useUrlState()
  const jobId = params.get('job')

  const experiments = useExperiments()
  const adapters = useAdapters()
  const limits = useLimits()
  // The form starts from the server's defaults once they are known; then it is the user's.
  const [edited, setForm] = useState<RunFormValues | null>(null)
  const form = edited ?? (limits.data ? defaultRunForm(limits.data) : null)
  const [errors, setErrors] = useState<RunFormErrors>({})
  // Executor and partition (docs/slurm.md): only sent when the user chose them; the form shows them only with Slurm.
  const [placement, setPlacement] = useState<Placement>({})
  const request = (f: RunFormValues) => ({ ...toStartRequest(f), ...placement })

  // Coming back without ?job= re-attaches to whatever is running.
  const active = useActiveJob(!jobId)
  useEffect(() => {
    if (!jobId && active.data?.job_id) setParams({ job: active.data.job_id }, { replace: true })
  }, [jobId, active.data?.job_id, setParams])

  const jobQuery = useJob(jobId)
  const job = jobQuery.data
  const start = useStartJob()
  const cancel = useCancelJob()
  const kill = useKillJob()

  const phase = deriveRunPhase({ startPending: start.isPending, job: jobId ? job : null })
  const cancellingFor = useCancellingFor(phase === 'cancelling')
  const controls = runControls(phase, { cancelInFlight: cancel.isPending, cancellingForMs: cancellingFor, reason: job?.reason })

  const stream = useJobStream(jobId, !!job)
  const liveLog = useLiveLog(jobId && job ? jobId : null)

  // Redirect to the run's dashboard 2 s after a completion witnessed on this page.
  const sawLive = useRef<string | null>(null)
  if (job && (phase === 'starting' || phase === 'running' || phase === 'cancelling')) sawLive.current = job.job_id
  const redirectTo = phase === 'completed' && job?.run_id && sawLive.current === job.job_id ? `/runs/${job.run_id}` : null
  useEffect(() => {
    if (!redirectTo) return
    const t = setTimeout(() => navigate(redirectTo), REDIRECT_DELAY_MS)
    return () => clearTimeout(t)
  }, [redirectTo, navigate])

  const onSubmit = () => {
    if (!form || !limits.data) return
    const e = validateRunForm(form, limits.data)
    setErrors(e)
    if (Object.keys(e).length) return
    cancel.reset()
    kill.reset()
    start.mutate(request(form), {
      onSuccess: (j) => setParams({ job: j.job_id }),
      onError: (err) => {
        if (err instanceof ApiError && err.status === 422) setErrors(err.fieldErrors as RunFormErrors)
      },
    })
  }

  // The Enqueue button sends the same form: validated the same way, its 422 messages shown the same way.
  const enqueueRequest = () => {
    if (!form || !limits.data) return null
    const e = validateRunForm(form, limits.data)
    setErrors(e)
    return Object.keys(e).length ? null : request(form)
  }

  const startError = start.error instanceof ApiError ? start.error : start.error ? new ApiError(0, null, String(start.error)) : null
  const conflictId = startError?.status === 409 ? (startError.problem?.active_job_id as string | undefined) : undefined

  const cancelButton = controls.showCancel && job && (
    <Button variant="danger" disabled={controls.cancelDisabled} onClick={() => cancel.mutate({ id: job.job_id })}>
      <X aria-hidden className="h-4 w-4" />
      {controls.cancelLabel}
    </Button>
  )
  const killButton = controls.showKill && job && (
    <Button variant="secondary" disabled={kill.isPending} onClick={() => kill.mutate(job.job_id)}>
      <Skull aria-hidden className="h-4 w-4" />
      {kill.isPending ? 'Killing...' : 'Kill now'}
    </Button>
  )

  return (
    <div className="space-y-4">
      <PageHeader title="Run Benchmarks" subtitle="Pick experiments and libraries, start a run, and follow it live." />

      <Card>
        {(experiments.error || adapters.error) && (
          <Alert tone="error" className="mb-4" title="Could not load the catalog">
            {String((experiments.error ?? adapters.error) as Error)}
          </Alert>
        )}
        {limits.error && (
          <Alert tone="error" className="mb-4" title="Could not load the run limits">
            {(limits.error as Error).message}
          </Alert>
        )}
        {!form && !limits.error && (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            <Loader2 aria-hidden className="h-4 w-4 animate-spin" /> Loading the run limits…
          </p>
        )}
        {form && (
          <RunForm
            values={form}
            onChange={setForm}
            onSubmit={onSubmit}
            errors={errors}
            experiments={experiments.data ?? []}
            adapters={adapters.data ?? []}
            runDisabled={controls.runDisabled}
            spinner={controls.spinner}
            runLabel={controls.runLabel}
            notice={
              <>
                <PlacementFields value={placement} onChange={setPlacement} />
                <StorageEstimate query={estimateQuery(request(form))} />
              </>
            }
            actions={
              <>
                {cancelButton}
                {killButton}
                <EnqueueControls request={enqueueRequest} onFieldErrors={(e) => setErrors(e as RunFormErrors)} />
              </>
            }
          />
        )}
        {!form && (cancelButton || killButton) && (
          <div className="mt-3 flex flex-wrap items-center gap-3">
            {cancelButton}
            {killButton}
          </div>
        )}
        {startError && startError.status === 409 && (
          <Alert tone="warning" className="mt-4" title="A benchmark is already running">
            Only one benchmark runs at a time, so timings stay trustworthy.{' '}
            {conflictId ? (
              <Link className="font-medium underline" to={`/run?job=${conflictId}`}>
                Watch the running job {conflictId}
              </Link>
            ) : (
              'Wait for it to finish, or cancel it.'
            )}
          </Alert>
        )}
        {startError && startError.status === 507 && (
          <Alert tone="error" className="mt-4" title="Not enough disk space">
            {startError.message}
          </Alert>
        )}
        {startError && ![409, 422, 507].includes(startError.status) && (
          <Alert tone="error" className="mt-4" title="Could not start the benchmark">
            {startError.message}
          </Alert>
        )}
        {cancel.error && (
          <Alert tone="error" className="mt-4" title="Cancel failed">
            {(cancel.error as Error).message}
          </Alert>
        )}
        {kill.error && (
          <Alert tone="error" className="mt-4" title="Kill failed">
            {(kill.error as Error).message}
          </Alert>
        )}
      </Card>

      <QueuePanel />

      {jobId && (
        <Card
          title={
            <span className="flex flex-wrap items-center gap-2" data-testid="job-status-line">
              Job <span className="font-mono text-sm">{jobId}</span>
              {job && <StatusBadge status={job.status} />}
            </span>
          }
          actions={
            <>
              {stream === 'reconnecting' && (
                <span role="status" className="inline-flex items-center gap-1 text-sm text-orange-700 dark:text-orange-300">
                  <WifiOff aria-hidden className="h-4 w-4" /> reconnecting…
                </span>
              )}
              <Link className="text-sm underline" to={`/jobs/${jobId}`}>
                Job details
              </Link>
            </>
          }
        >
          {jobQuery.error && (
            <Alert tone="error" className="mb-3">
              {(jobQuery.error as Error).message}
            </Alert>
          )}
          {controls.banner && (
            <Alert tone={controls.banner.tone} className="mb-3" title={controls.banner.text}>
              {phase === 'completed' && job?.run_id && (
                <>
                  Results: <Link className="font-medium underline" to={`/runs/${job.run_id}`}>{job.run_id}</Link>
                  {redirectTo && ' — opening the dashboard in 2 s…'}
                </>
              )}
              {phase === 'failed' && job?.run_id && (
                <>
                  Partial results: <Link className="font-medium underline" to={`/runs/${job.run_id}`}>{job.run_id}</Link>
                </>
              )}
            </Alert>
          )}
          {phase === 'cancelling' && (
            <p role="status" className="mb-3 text-sm text-slate-700 dark:text-slate-300">
              Stopping the job and every process it started…
              {controls.showKill && ' It is taking longer than expected: you can kill it now.'}
            </p>
          )}
          <div className="mb-4">
            <JobProgressPanel progress={job?.progress} />
          </div>
          <LogView
            label="Job log"
            lines={liveLog.data?.lines ?? []}
            firstLine={liveLog.data?.first ?? 0}
            hiddenBefore={liveLog.data?.first ?? 0}
            fullLog={
              <Link className="underline" to={`/jobs/${jobId}`}>
                Open full log
              </Link>
            }
          />
        </Card>
      )}
    </div>
  )
}
