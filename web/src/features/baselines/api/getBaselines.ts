import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { baselineKeys } from './keys'
import { parseBaselines } from './parseBaseline'

/** GET /api/baselines: a plain array, one baseline per testbed. */
export const getBaselines = () => apiFetch('/api/baselines', { parse: parseBaselines })

export const baselinesQueryOptions = () => queryOptions({ queryKey: baselineKeys.list(), queryFn: getBaselines, staleTime: 10_000 })

export const useBaselines = () => useQuery(baselinesQueryOptions())
