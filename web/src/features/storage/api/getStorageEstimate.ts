import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch, qs } from '@/lib/api'
import { bool, int, nullable, num, obj, oneOf, str } from '@/lib/decode'

/** GET /api/storage/estimate (docs/storage.md): a job's predicted size against the free space. */
export interface StorageEstimate {
  predicted_bytes: number
  bytes_per_case: number
  basis: 'history' | 'default'
  free_bytes: number
  min_free_disk_mb: number
  would_refuse: boolean
  /** The 507 message a start would get; null when it would not be refused. */
  detail: string | null
}

/** The run form's values as the endpoint takes them; null lists mean "all" (the server's default). */
export interface StorageEstimateQuery {
  n: number
  experiments: string[] | null
  libraries: string[] | null
}

const BASES = ['history', 'default'] as const

export function parseStorageEstimate(v: unknown): StorageEstimate {
  const o = obj(v, 'estimate')
  return {
    predicted_bytes: int(o.predicted_bytes, 'estimate.predicted_bytes'),
    bytes_per_case: num(o.bytes_per_case, 'estimate.bytes_per_case'),
    basis: oneOf(o.basis, 'estimate.basis', BASES),
    free_bytes: int(o.free_bytes, 'estimate.free_bytes'),
    min_free_disk_mb: int(o.min_free_disk_mb, 'estimate.min_free_disk_mb'),
    would_refuse: bool(o.would_refuse, 'estimate.would_refuse'),
    detail: nullable(str)(o.detail, 'estimate.detail'),
  }
}

export const storageEstimateKeys = {
  all: ['storage', 'estimate'] as const,
  estimate: (q: StorageEstimateQuery) => [...storageEstimateKeys.all, q] as const,
}

export const getStorageEstimate = (q: StorageEstimateQuery) =>
  apiFetch(
    `/api/storage/estimate${qs({ n: q.n, experiments: q.experiments?.join(','), libraries: q.libraries?.join(',') })}`,
    { parse: parseStorageEstimate },
  )

// Free space moves while the form is open: a short stale time, and no retries of a 422 for a plan that cannot run.
export const storageEstimateQueryOptions = (q: StorageEstimateQuery | null) =>
  queryOptions({
    queryKey: q ? storageEstimateKeys.estimate(q) : storageEstimateKeys.all,
    queryFn: () => getStorageEstimate(q!),
    enabled: q !== null,
    staleTime: 10_000,
    retry: false,
    // The last figures stay on screen while the next ones load, instead of flickering to "Estimating…".
    placeholderData: keepPreviousData,
  })

export const useStorageEstimate = (q: StorageEstimateQuery | null) => useQuery(storageEstimateQueryOptions(q))
