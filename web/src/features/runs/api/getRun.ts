import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { RunDetail } from '@/lib/types'
import { runKeys } from './keys'
import { parseRunMachine } from './parseRunMachine'

export async function getRun(id: string): Promise<RunDetail> {
  const body = await apiFetch<RunDetail>(`/api/runs/${encodeURIComponent(id)}`)
  // The rest of the manifest is shown as recorded; the probe block drives notes, so it is checked.
  return body.manifest ? { ...body, manifest: { ...body.manifest, machine: parseRunMachine(body.manifest.machine) } } : body
}

// A published run folder never changes: cache it for good.
export const runQueryOptions = (id: string) =>
  queryOptions({ queryKey: runKeys.detail(id), queryFn: () => getRun(id), staleTime: Infinity })

export const useRun = (id: string) => useQuery(runQueryOptions(id))

export const runDownloadUrl = (id: string) => `/api/runs/${encodeURIComponent(id)}/download`
