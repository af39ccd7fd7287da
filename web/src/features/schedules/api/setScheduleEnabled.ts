import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { scheduleKeys } from './keys'
import { parseSchedule } from './parse'

export const setScheduleEnabled = ({ id, enabled }: { id: string; enabled: boolean }) =>
  apiFetch(`/api/schedules/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`, { method: 'POST', parse: parseSchedule })

export function useSetScheduleEnabled() {
  const qc = useQueryClient()
  return useMutation({ mutationFn: setScheduleEnabled, onSuccess: () => void qc.invalidateQueries({ queryKey: scheduleKeys.all }) })
}
