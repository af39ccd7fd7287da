import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { int, obj, str } from '@/lib/decode'
import { storageKeys } from './keys'

/** The scalar figures of GET /api/storage this page shows (the per-run and per-log lists are not read here). */
export interface StorageUsage {
  results_dir: string
  free_bytes: number
  capacity_bytes: number
  min_free_disk_mb: number
  low_disk_warn_mb: number
  runs_count: number
  runs_bytes: number
  logs_count: number
  logs_bytes: number
  database_bytes: number
  total_bytes: number
}

const INTS = ['free_bytes', 'capacity_bytes', 'min_free_disk_mb', 'low_disk_warn_mb', 'runs_count', 'runs_bytes', 'logs_count', 'logs_bytes', 'database_bytes', 'total_bytes'] as const

export function parseStorage(v: unknown): StorageUsage {
  const o = obj(v, 'storage')
  const out = { results_dir: str(o.results_dir, 'storage.results_dir') } as StorageUsage
  for (const k of INTS) out[k] = int(o[k], `storage.${k}`)
  return out
}

export const getStorage = () => apiFetch('/api/storage', { parse: parseStorage })

export const storageQueryOptions = () => queryOptions({ queryKey: storageKeys.usage(), queryFn: getStorage, staleTime: 5_000 })

export const useStorage = () => useQuery(storageQueryOptions())
