import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { Job, StartJobRequest } from '@/lib/types'
import { jobKeys } from './keys'

export const startJob = (body: StartJobRequest) =>
  apiFetch<Job>('/api/benchmark/start', { method: 'POST', json: body })

export function useStartJob() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: startJob,
    onSuccess: (job) => {
      qc.setQueryData(jobKeys.detail(job.id), job)
      qc.setQueryData(jobKeys.active(), job)
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
    },
  })
}
