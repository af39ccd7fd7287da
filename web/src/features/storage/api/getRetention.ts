import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { bool, int, nullable, num, obj, oneOf, str } from '@/lib/decode'
import { retentionKeys } from './keys'

/** Retention rules as the server writes them (docs/retention.md); null = no limit. */
export interface RetentionRules {
  keep_last: number | null
  max_age_days: number | null
  max_total_mb: number | null
  archive: boolean
  archive_dir: string | null
  logs_max_age_days: number | null
  jobs_max_age_days: number | null
}

export interface RetentionSettings {
  rules: RetentionRules
  source: 'settings' | 'saved'
  sweep_interval_minutes: number
  archive_path: string
}

export function parseRules(v: unknown, path: string): RetentionRules {
  const o = obj(v, path)
  return {
    keep_last: nullable(int)(o.keep_last, `${path}.keep_last`),
    max_age_days: nullable(num)(o.max_age_days, `${path}.max_age_days`),
    max_total_mb: nullable(int)(o.max_total_mb, `${path}.max_total_mb`),
    archive: bool(o.archive, `${path}.archive`),
    archive_dir: nullable(str)(o.archive_dir, `${path}.archive_dir`),
    logs_max_age_days: nullable(num)(o.logs_max_age_days, `${path}.logs_max_age_days`),
    jobs_max_age_days: nullable(num)(o.jobs_max_age_days, `${path}.jobs_max_age_days`),
  }
}

export function parseRetentionSettings(v: unknown): RetentionSettings {
  const o = obj(v, 'retention')
  return {
    rules: parseRules(o.rules, 'retention.rules'),
    source: oneOf(o.source, 'retention.source', ['settings', 'saved'] as const),
    sweep_interval_minutes: num(o.sweep_interval_minutes, 'retention.sweep_interval_minutes'),
    archive_path: str(o.archive_path, 'retention.archive_path'),
  }
}

export const getRetention = () => apiFetch('/api/retention', { parse: parseRetentionSettings })

export const retentionQueryOptions = () => queryOptions({ queryKey: retentionKeys.rules(), queryFn: getRetention })

export const useRetention = () => useQuery(retentionQueryOptions())
