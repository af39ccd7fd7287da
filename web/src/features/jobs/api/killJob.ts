import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { Job } from '@/lib/types'
import { jobKeys } from './keys'

export const killJob = (id: string) =>
  apiFetch<Job>(`/api/benchmark/jobs/${encodeURIComponent(id)}/kill`, { method: 'POST' })

export function useKillJob() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => killJob(id),
    onSuccess: (job) => {
      if (job?.id) qc.setQueryData(jobKeys.detail(job.id), job)
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
    },
  })
}
