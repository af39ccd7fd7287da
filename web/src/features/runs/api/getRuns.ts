import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { arr, bool, int, obj, str } from '@/lib/decode'
import type { RunSummary } from '@/lib/types'
import { runKeys } from './keys'

/** GET /api/runs: a plain array, newest first. */
export function parseRuns(v: unknown): RunSummary[] {
  return arr(v, 'runs', (x, path) => {
    const o = obj(x, path)
    str(o.id, `${path}.id`)
    int(o.bytes, `${path}.bytes`)
    bool(o.pinned, `${path}.pinned`)
    return o as unknown as RunSummary
  })
}

export const getRuns = () => apiFetch('/api/runs', { parse: parseRuns })

export const runsQueryOptions = () => queryOptions({ queryKey: runKeys.list(), queryFn: getRuns, staleTime: 10_000 })

export const useRuns = () => useQuery(runsQueryOptions())
