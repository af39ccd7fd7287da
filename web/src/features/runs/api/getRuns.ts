import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { RunSummary } from '@/lib/types'
import { runKeys } from './keys'

export async function getRuns(): Promise<RunSummary[]> {
  const body = await apiFetch<RunSummary[] | { items?: RunSummary[]; runs?: RunSummary[] }>('/api/runs')
  return Array.isArray(body) ? body : (body?.items ?? body?.runs ?? [])
}

export const runsQueryOptions = () => queryOptions({ queryKey: runKeys.list(), queryFn: getRuns, staleTime: 10_000 })

export const useRuns = () => useQuery(runsQueryOptions())
