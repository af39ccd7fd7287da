import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { StartJobRequest } from '@/lib/types'
import { jobKeys } from './keys'
import { parseJob } from './parseJob'

export const startJob = (body: StartJobRequest) =>
  apiFetch('/api/benchmark/start', { method: 'POST', json: body, parse: parseJob })

export function useStartJob() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: startJob,
    onSuccess: (job) => {
      qc.setQueryData(jobKeys.detail(job.job_id), job)
      qc.setQueryData(jobKeys.active(), job)
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
    },
  })
}
