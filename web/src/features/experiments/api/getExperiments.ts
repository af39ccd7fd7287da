import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { Experiment } from '@/lib/types'
import { experimentKeys } from './keys'

export const getExperiments = () => apiFetch<Experiment[]>('/api/experiments')

export const experimentsQueryOptions = () =>
  queryOptions({ queryKey: experimentKeys.catalog(), queryFn: getExperiments, staleTime: 5 * 60_000 })

export const useExperiments = () => useQuery(experimentsQueryOptions())
