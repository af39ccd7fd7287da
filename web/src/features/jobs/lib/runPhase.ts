import type { Job } from '@/lib/types'

/** The Run Benchmarks page's states (issue 4). */
export type RunPhase = 'idle' | 'starting' | 'running' | 'cancelling' | 'completed' | 'failed' | 'cancelled'

export function deriveRunPhase(input: { startPending: boolean; job: Pick<Job, 'status'> | null | undefined }): RunPhase {
  if (input.startPending) return 'starting'
  const status = input.job?.status
  switch (status) {
    case undefined:
    // Stopped at a checkpoint: nothing runs, the machine is free for a new run.
    case 'paused':
    case 'preempted':
      return 'idle'
    case 'queued':
    case 'starting':
      return 'starting'
    default:
      return status
  }
}

export interface RunControls {
  /** The Run button is disabled (starting, running, cancelling). */
  runDisabled: boolean
  /** Loader2 spins beside the Run button. */
  spinner: boolean
  runLabel: string
  /** The red Cancel Execution button is present. */
  showCancel: boolean
  cancelLabel: string
  cancelDisabled: boolean
  /** "Kill now" is offered (stuck in cancelling). */
  showKill: boolean
  /** Outcome banner. */
  banner: { tone: 'success' | 'error' | 'warning'; text: string } | null
}

export interface ControlInputs {
  cancelInFlight: boolean
  /** ms spent in `cancelling` so far (0 when not cancelling). */
  cancellingForMs: number
  /** After this long in `cancelling`, offer "Kill now". */
  killAfterMs?: number
  reason?: string | null
}

export function runControls(phase: RunPhase, inputs: ControlInputs): RunControls {
  const killAfter = inputs.killAfterMs ?? 4000
  const busy = phase === 'starting' || phase === 'running' || phase === 'cancelling'
  const cancelling = phase === 'cancelling' || (phase === 'running' && inputs.cancelInFlight)
  const reason = inputs.reason ? ` (${inputs.reason})` : ''
  return {
    runDisabled: busy,
    spinner: busy,
    runLabel: phase === 'starting' ? 'Starting...' : busy ? 'Running...' : 'Run Benchmark',
    showCancel: phase === 'running' || phase === 'cancelling',
    cancelLabel: cancelling ? 'Cancelling...' : 'Cancel Execution',
    cancelDisabled: cancelling,
    showKill: phase === 'cancelling' && inputs.cancellingForMs >= killAfter,
    banner:
      phase === 'completed'
        ? { tone: 'success', text: 'Benchmark completed successfully.' }
        : phase === 'failed'
          ? { tone: 'error', text: `Benchmark failed${reason}.` }
          : phase === 'cancelled'
            ? { tone: 'warning', text: 'Benchmark execution cancelled by user.' }
            : null,
  }
}
