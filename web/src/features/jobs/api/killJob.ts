import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { isTerminal, type Job } from '@/lib/types'
import { jobKeys } from './keys'
import { parseJob } from './parseJob'

export const killJob = (id: string) =>
  apiFetch(`/api/benchmark/jobs/${encodeURIComponent(id)}/kill`, { method: 'POST', parse: parseJob })

export function useKillJob() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => killJob(id),
    onSuccess: (job) => {
      // A terminal status the stream already delivered is never undone by this (older) answer.
      qc.setQueryData<Job>(jobKeys.detail(job.job_id), (old) => (old && isTerminal(old.status) ? old : job))
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
    },
  })
}
