import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch, qs } from '@/lib/api'
import { isTerminal, type Job } from '@/lib/types'
import { jobKeys } from './keys'
import { parseJob } from './parseJob'

export const cancelJob = (id: string, grace?: number) =>
  apiFetch(`/api/benchmark/jobs/${encodeURIComponent(id)}/cancel${qs({ grace })}`, { method: 'POST', parse: parseJob })

export function useCancelJob() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, grace }: { id: string; grace?: number }) => cancelJob(id, grace),
    onSuccess: (job) => {
      // A terminal status the stream already delivered is never undone by this (older) answer.
      qc.setQueryData<Job>(jobKeys.detail(job.job_id), (old) => (old && isTerminal(old.status) ? old : job))
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
    },
  })
}
