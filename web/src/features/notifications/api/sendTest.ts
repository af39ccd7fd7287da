import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { notificationKeys } from './keys'
import { parseDelivery } from './parse'

/** POST …/test: a `test` event through the same outbox; answers 202 with the pending delivery. */
export const sendTest = (id: string) =>
  apiFetch(`/api/notifications/endpoints/${encodeURIComponent(id)}/test`, { method: 'POST', parse: parseDelivery })

export function useSendTest() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: sendTest,
    onSuccess: (_d, id) => void qc.invalidateQueries({ queryKey: notificationKeys.deliveries(id) }),
  })
}
