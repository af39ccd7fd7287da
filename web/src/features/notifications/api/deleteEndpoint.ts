import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { notificationKeys } from './keys'

export const deleteEndpoint = (id: string) => apiFetch<null>(`/api/notifications/endpoints/${encodeURIComponent(id)}`, { method: 'DELETE' })

export function useDeleteEndpoint() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: deleteEndpoint,
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.endpoints() }),
  })
}
