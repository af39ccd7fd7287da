import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { historyKeys } from './keys'
import { parseRegressions } from './parse'

/** GET /api/regressions, optionally one state only. */
export const getRegressions = (state?: string) =>
  apiFetch(`/api/regressions${state ? `?state=${encodeURIComponent(state)}` : ''}`, { parse: parseRegressions })

export const regressionsQueryOptions = (state?: string) =>
  queryOptions({ queryKey: historyKeys.regressions(state), queryFn: () => getRegressions(state), staleTime: 10_000 })

export const useRegressions = (state?: string) => useQuery(regressionsQueryOptions(state))
