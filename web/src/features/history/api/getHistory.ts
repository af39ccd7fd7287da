import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { historyKeys, type HistoryQuery } from './keys'
import { parseHistory } from './parse'

/** GET /api/history: every metric series of one (experiment, library), one per testbed unless a testbed is given. */
export function getHistory(q: HistoryQuery) {
  const params = new URLSearchParams({ experiment: q.experiment, library: q.library })
  if (q.testbed) params.set('testbed', q.testbed)
  if (q.order) params.set('order', q.order)
  return apiFetch(`/api/history?${params}`, { parse: parseHistory })
}

export const historyQueryOptions = (q: HistoryQuery) =>
  queryOptions({ queryKey: historyKeys.history(q), queryFn: () => getHistory(q), staleTime: 10_000 })

export const useHistory = (q: HistoryQuery | null) => useQuery({ ...historyQueryOptions(q ?? { experiment: '', library: '' }), enabled: q !== null })
