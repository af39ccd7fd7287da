import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch, qs } from '@/lib/api'
import type { LogPage } from '@/lib/types'
import { jobKeys } from './keys'

export const getJobLogs = (id: string, params: { from?: number; tail?: number; limit?: number }) =>
  apiFetch<LogPage>(`/api/benchmark/jobs/${encodeURIComponent(id)}/logs${qs(params)}`)

/** A page of the full log, for the log viewer (not the live tail). */
export const jobLogPageQueryOptions = (id: string, from: number, limit: number) =>
  queryOptions({
    queryKey: jobKeys.logPage(id, from, limit),
    queryFn: () => getJobLogs(id, { from, limit }),
    placeholderData: keepPreviousData,
  })

export const useJobLogPage = (id: string, from: number, limit: number) =>
  useQuery(jobLogPageQueryOptions(id, from, limit))
