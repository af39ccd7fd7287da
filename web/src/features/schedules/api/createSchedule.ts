import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { scheduleKeys } from './keys'
import { parseSchedule } from './parse'

/** Body of POST /api/schedules; the server validates everything (422 with messages by field). */
export interface ScheduleInput {
  name: string
  cron: string
  job: { experiments?: string[]; libraries?: string[]; n?: number; no_perf?: boolean; notes?: string }
  priority?: number
  enabled?: boolean
}

export const createSchedule = (input: ScheduleInput) => apiFetch('/api/schedules', { method: 'POST', json: input, parse: parseSchedule })

export function useCreateSchedule() {
  const qc = useQueryClient()
  return useMutation({ mutationFn: createSchedule, onSuccess: () => void qc.invalidateQueries({ queryKey: scheduleKeys.all }) })
}
