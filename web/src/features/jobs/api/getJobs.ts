import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch, qs } from '@/lib/api'
import type { Job } from '@/lib/types'
import { jobKeys } from './keys'

/** The server may answer a bare array or a page object; both are accepted. */
export interface JobsPage {
  items: Job[]
  total: number | null
}

export async function getJobs(limit: number, offset: number): Promise<JobsPage> {
  const body = await apiFetch<Job[] | { items?: Job[]; jobs?: Job[]; total?: number }>(
    `/api/benchmark/jobs${qs({ limit, offset })}`,
  )
  if (Array.isArray(body)) return { items: body, total: null }
  return { items: body.jobs ?? body.items ?? [], total: body.total ?? null }
}

export const jobsQueryOptions = (limit = 50, offset = 0) =>
  queryOptions({
    queryKey: jobKeys.list(limit, offset),
    queryFn: () => getJobs(limit, offset),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.items.some((j) => !['completed', 'failed', 'cancelled'].includes(j.status)) ? 3000 : false,
  })

export const useJobs = (limit = 50, offset = 0) => useQuery(jobsQueryOptions(limit, offset))
