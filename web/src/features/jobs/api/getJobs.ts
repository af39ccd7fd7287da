import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest, qs } from '@/lib/api'
import { ShapeError } from '@/lib/decode'
import { isTerminal, type Job } from '@/lib/types'
import { jobKeys } from './keys'
import { parseJobList } from './parseJob'

/** One page of the job history, newest first. */
export interface JobsPage {
  items: Job[]
  /** Every job the server has (`X-Total-Count`). */
  total: number
}

/**
 * GET /api/benchmark/jobs answers a plain array (oldest first unless `order=desc`) and the total
 * in the `X-Total-Count` header; the history asks for newest first, one page at a time.
 */
export async function getJobs(limit: number, offset: number): Promise<JobsPage> {
  const res = await apiRequest(`/api/benchmark/jobs${qs({ order: 'desc', limit, offset })}`, { parse: parseJobList })
  const header = res.headers.get('X-Total-Count')
  const total = header !== null && /^\d+$/.test(header) ? Number(header) : NaN
  if (!Number.isSafeInteger(total)) throw new ShapeError('X-Total-Count', 'a whole number', header)
  return { items: res.body ?? [], total }
}

export const jobsQueryOptions = (limit = 50, offset = 0) =>
  queryOptions({
    queryKey: jobKeys.list(limit, offset),
    queryFn: () => getJobs(limit, offset),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((j) => !isTerminal(j.status)) ? 3000 : false),
  })

export const useJobs = (limit = 50, offset = 0) => useQuery(jobsQueryOptions(limit, offset))
