import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { int, obj } from '@/lib/decode'
import type { RangeLimit, RunLimits } from '@/lib/types'
import { limitsKeys } from './keys'

function range(v: unknown, path: string): RangeLimit {
  const o = obj(v, path)
  return { min: int(o.min, `${path}.min`), max: int(o.max, `${path}.max`), default: int(o.default, `${path}.default`) }
}

export function parseLimits(v: unknown): RunLimits {
  const o = obj(v, 'limits')
  return {
    n: range(o.n, 'limits.n'),
    seed: range(o.seed, 'limits.seed'),
    perf_rounds: range(o.perf_rounds, 'limits.perf_rounds'),
    max_experiments: int(o.max_experiments, 'limits.max_experiments'),
    max_libraries: int(o.max_libraries, 'limits.max_libraries'),
    max_notes_length: int(o.max_notes_length, 'limits.max_notes_length'),
  }
}

/** GET /api/limits: the one definition of a start request's limits and defaults (the server's RunLimits). */
export const getLimits = () => apiFetch('/api/limits', { parse: parseLimits })

// Limits change only with a server upgrade.
export const limitsQueryOptions = () => queryOptions({ queryKey: limitsKeys.all, queryFn: getLimits, staleTime: Infinity })

export const useLimits = () => useQuery(limitsQueryOptions())
