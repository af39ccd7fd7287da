import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { scheduleKeys } from './keys'
import { parseScheduleList } from './parse'

export const getSchedules = () => apiFetch('/api/schedules', { parse: parseScheduleList })

export const schedulesQueryOptions = () => queryOptions({ queryKey: scheduleKeys.list(), queryFn: getSchedules })

export const useSchedules = () => useQuery(schedulesQueryOptions())
