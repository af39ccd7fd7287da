import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { arr, bool, int, obj, str } from '@/lib/decode'
import { retentionKeys } from './keys'

export interface RetentionRunItem {
  run_id: string
  bytes: number
  rule: string
}

export interface RetentionPreview {
  runs: RetentionRunItem[]
  bytes_freed: number
  runs_kept: number
  bytes_kept: number
  size_limit_met: boolean
  logs: { count: number; bytes: number }
  jobs: { count: number; bytes: number }
}

export const parseRunItem = (v: unknown, path: string): RetentionRunItem => {
  const o = obj(v, path)
  return { run_id: str(o.run_id, `${path}.run_id`), bytes: int(o.bytes, `${path}.bytes`), rule: str(o.rule, `${path}.rule`) }
}

export const parseCounts = (v: unknown, path: string) => {
  const o = obj(v, path)
  return { count: int(o.count, `${path}.count`), bytes: int(o.bytes, `${path}.bytes`) }
}

export function parsePreview(v: unknown): RetentionPreview {
  const o = obj(v, 'preview')
  return {
    runs: arr(o.runs, 'preview.runs', parseRunItem),
    bytes_freed: int(o.bytes_freed, 'preview.bytes_freed'),
    runs_kept: int(o.runs_kept, 'preview.runs_kept'),
    bytes_kept: int(o.bytes_kept, 'preview.bytes_kept'),
    size_limit_met: bool(o.size_limit_met, 'preview.size_limit_met'),
    logs: parseCounts(o.logs, 'preview.logs'),
    jobs: parseCounts(o.jobs, 'preview.jobs'),
  }
}

export const getRetentionPreview = () => apiFetch('/api/retention/preview', { parse: parsePreview })

export const retentionPreviewQueryOptions = () => queryOptions({ queryKey: retentionKeys.preview(), queryFn: getRetentionPreview })

export const useRetentionPreview = () => useQuery(retentionPreviewQueryOptions())
