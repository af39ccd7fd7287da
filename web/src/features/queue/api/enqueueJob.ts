import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { StartJobRequest } from '@/lib/types'
import { jobKeys } from '@/features/jobs/api/keys'
import { queueKeys } from './keys'
import { parseQueuedJob } from './parseQueuedJob'

/** The start request plus the queue's fields (docs/queue.md). */
export interface EnqueueRequest extends StartJobRequest {
  priority: number
  concurrency_key: string | null
  cancel_in_progress?: boolean
}

/** POST /api/benchmark/jobs answers 201 with the queued job. */
export const enqueueJob = (body: EnqueueRequest) =>
  apiFetch('/api/benchmark/jobs', { method: 'POST', json: body, parse: parseQueuedJob })

export function useEnqueueJob() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: enqueueJob,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queueKeys.all })
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
      void qc.invalidateQueries({ queryKey: jobKeys.active() })
    },
  })
}
