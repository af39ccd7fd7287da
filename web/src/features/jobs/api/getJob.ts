import { queryOptions, replaceEqualDeep, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { isTerminal, type Job } from '@/lib/types'
import { jobKeys } from './keys'
import { parseJob } from './parseJob'

export const getJob = (id: string) => apiFetch(`/api/benchmark/jobs/${encodeURIComponent(id)}`, { parse: parseJob })

/** Polls slowly while the job is live: a safety net behind the WebSocket, which updates the same entry. */
export const jobQueryOptions = (id: string) =>
  queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: () => getJob(id),
    refetchInterval: (q) => (q.state.data && isTerminal(q.state.data.status) ? false : 4000),
    // Terminal states never change: a poll answered before the end must not undo what the stream said.
    structuralSharing: (old, next) => {
      const o = old as Job | undefined
      const n = next as Job
      if (o && isTerminal(o.status) && n && !isTerminal(n.status)) return o
      return replaceEqualDeep(old, next)
    },
  })

export const useJob = (id: string | null | undefined) =>
  useQuery({ ...jobQueryOptions(id ?? ''), enabled: !!id })
