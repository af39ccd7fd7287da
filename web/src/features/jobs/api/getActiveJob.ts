import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { Job } from '@/lib/types'
import { jobKeys } from './keys'

/** 200 with the active job, or 204 (null) when the machine is idle. */
export const getActiveJob = () => apiFetch<Job | null>('/api/benchmark/active')

export const activeJobQueryOptions = () =>
  queryOptions({ queryKey: jobKeys.active(), queryFn: getActiveJob, staleTime: 0 })

export const useActiveJob = (enabled = true) => useQuery({ ...activeJobQueryOptions(), enabled })
