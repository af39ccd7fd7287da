import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch, qs } from '@/lib/api'
import type { Job } from '@/lib/types'
import { jobKeys } from './keys'

export const cancelJob = (id: string, grace?: number) =>
  apiFetch<Job>(`/api/benchmark/jobs/${encodeURIComponent(id)}/cancel${qs({ grace })}`, { method: 'POST' })

export function useCancelJob() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, grace }: { id: string; grace?: number }) => cancelJob(id, grace),
    onSuccess: (job) => {
      if (job?.id) qc.setQueryData(jobKeys.detail(job.id), job)
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
    },
  })
}
