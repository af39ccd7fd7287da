import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { jobKeys } from '@/features/jobs/api/keys'
import { queueKeys } from '@/features/queue/api/keys'
import { parsePausedJob } from './parsePausedJob'

/** POST /api/benchmark/jobs/{id}/resume: 200 with the job back in the queue; 409 when it is not paused. */
export const resumeJob = (id: string) =>
  apiFetch(`/api/benchmark/jobs/${encodeURIComponent(id)}/resume`, { method: 'POST', parse: parsePausedJob })

export function useResumeJob() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => resumeJob(id),
    onSettled: (_job, _err, id) => {
      void qc.invalidateQueries({ queryKey: jobKeys.detail(id) })
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
      void qc.invalidateQueries({ queryKey: queueKeys.all })
    },
  })
}
