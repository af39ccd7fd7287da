import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { historyKeys } from './keys'
import { parseSeries } from './parse'

/** GET /api/history/series: which (experiment, library, metric) series have points, for the pickers. */
export const getSeries = (testbed?: string) =>
  apiFetch(`/api/history/series${testbed ? `?testbed=${encodeURIComponent(testbed)}` : ''}`, { parse: parseSeries })

export const seriesQueryOptions = (testbed?: string) =>
  queryOptions({ queryKey: historyKeys.series(testbed), queryFn: () => getSeries(testbed), staleTime: 30_000 })

export const useSeries = (testbed?: string) => useQuery(seriesQueryOptions(testbed))
