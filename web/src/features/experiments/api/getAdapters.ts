import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { Adapter } from '@/lib/types'
import { adapterKeys } from './keys'

export const getAdapters = () => apiFetch<Adapter[]>('/api/adapters')

export const adaptersQueryOptions = () =>
  queryOptions({ queryKey: adapterKeys.all, queryFn: getAdapters, staleTime: 60_000 })

export const useAdapters = () => useQuery(adaptersQueryOptions())
