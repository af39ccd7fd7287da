import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { historyKeys } from './keys'
import { parseTestbeds } from './parse'

/** GET /api/history/testbeds. */
export const getTestbeds = () => apiFetch('/api/history/testbeds', { parse: parseTestbeds })

export const testbedsQueryOptions = () => queryOptions({ queryKey: historyKeys.testbeds(), queryFn: getTestbeds, staleTime: 60_000 })

export const useTestbeds = () => useQuery(testbedsQueryOptions())
