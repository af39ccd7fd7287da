import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { retentionKeys, storageKeys } from '@/features/storage/api/keys'
import { runKeys } from './keys'

/** DELETE /api/runs/{id}: 204; 409 (pinned or still used by a job) comes back as an ApiError with the server's detail. */
export const deleteRun = (id: string) => apiFetch<null>(`/api/runs/${encodeURIComponent(id)}`, { method: 'DELETE' })

export function useDeleteRun() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => deleteRun(id),
    onSuccess: (_, id) => {
      qc.removeQueries({ queryKey: runKeys.detail(id) })
      void qc.invalidateQueries({ queryKey: runKeys.list() })
      void qc.invalidateQueries({ queryKey: retentionKeys.all })
      void qc.invalidateQueries({ queryKey: storageKeys.all })
    },
  })
}
