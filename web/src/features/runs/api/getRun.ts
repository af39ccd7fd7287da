import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { RunDetail } from '@/lib/types'
import { runKeys } from './keys'

export const getRun = (id: string) => apiFetch<RunDetail>(`/api/runs/${encodeURIComponent(id)}`)

// A published run folder never changes: cache it for good.
export const runQueryOptions = (id: string) =>
  queryOptions({ queryKey: runKeys.detail(id), queryFn: () => getRun(id), staleTime: Infinity })

export const useRun = (id: string) => useQuery(runQueryOptions(id))

export const runDownloadUrl = (id: string) => `/api/runs/${encodeURIComponent(id)}/download`
