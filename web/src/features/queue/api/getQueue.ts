import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { queueKeys } from './keys'
import { parseQueue } from './parseQueueEntry'

/** GET /api/benchmark/queue: queued jobs in dispatch order, with position and estimated start. */
export const getQueue = () => apiFetch('/api/benchmark/queue', { parse: parseQueue })

export const queueQueryOptions = () =>
  queryOptions({
    queryKey: queueKeys.list(),
    queryFn: getQueue,
    // Jobs leave the queue as the dispatcher starts them; a non-empty queue is polled.
    refetchInterval: (q) => ((q.state.data?.length ?? 0) > 0 ? 2000 : 5000),
  })

export const useQueue = () => useQuery(queueQueryOptions())
