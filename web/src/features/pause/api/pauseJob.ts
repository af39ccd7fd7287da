import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch, qs } from '@/lib/api'
import { jobKeys } from '@/features/jobs/api/keys'
import { parsePausedJob, type PauseMode } from './parsePausedJob'

/** POST /api/benchmark/jobs/{id}/pause?mode=: 202 with the job still running and `pause_requested` set; 409 when not running. */
export const pauseJob = (id: string, mode: PauseMode) =>
  apiFetch(`/api/benchmark/jobs/${encodeURIComponent(id)}/pause${qs({ mode })}`, { method: 'POST', parse: parsePausedJob })

export function usePauseJob() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, mode }: { id: string; mode: PauseMode }) => pauseJob(id, mode),
    onSettled: (_job, _err, { id }) => {
      void qc.invalidateQueries({ queryKey: jobKeys.detail(id) })
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
    },
  })
}
