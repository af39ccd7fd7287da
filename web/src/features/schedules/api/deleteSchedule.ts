import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { scheduleKeys } from './keys'

export const deleteSchedule = (id: string) => apiFetch<null>(`/api/schedules/${encodeURIComponent(id)}`, { method: 'DELETE' })

export function useDeleteSchedule() {
  const qc = useQueryClient()
  return useMutation({ mutationFn: deleteSchedule, onSuccess: () => void qc.invalidateQueries({ queryKey: scheduleKeys.all }) })
}
