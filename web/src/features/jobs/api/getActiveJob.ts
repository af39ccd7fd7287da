import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { Job } from '@/lib/types'
import { jobKeys } from './keys'
import { parseJob } from './parseJob'

/** 200 with the active job, or 204 (null) when the machine is idle. */
export const getActiveJob = (): Promise<Job | null> => apiFetch('/api/benchmark/active', { parse: parseJob })

export const activeJobQueryOptions = () =>
  queryOptions({ queryKey: jobKeys.active(), queryFn: getActiveJob, staleTime: 0 })

export const useActiveJob = (enabled = true) => useQuery({ ...activeJobQueryOptions(), enabled })
