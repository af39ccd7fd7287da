import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { JobTransition } from '@/lib/types'
import { jobKeys } from './keys'

export const getJobHistory = (id: string) =>
  apiFetch<JobTransition[]>(`/api/benchmark/jobs/${encodeURIComponent(id)}/history`)

export const jobHistoryQueryOptions = (id: string) =>
  queryOptions({ queryKey: jobKeys.history(id), queryFn: () => getJobHistory(id) })

export const useJobHistory = (id: string) => useQuery(jobHistoryQueryOptions(id))
