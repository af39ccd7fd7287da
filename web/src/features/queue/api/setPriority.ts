import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { jobKeys } from '@/features/jobs/api/keys'
import { queueKeys } from './keys'
import { parseQueuedJob } from './parseQueuedJob'

/** PATCH /api/benchmark/jobs/{id} `{"priority"}`: 200 with the job, 409 when it is no longer queued. */
export const setPriority = (id: string, priority: number) =>
  apiFetch(`/api/benchmark/jobs/${encodeURIComponent(id)}`, { method: 'PATCH', json: { priority }, parse: parseQueuedJob })

export function useSetPriority() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, priority }: { id: string; priority: number }) => setPriority(id, priority),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queueKeys.all })
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
    },
  })
}
