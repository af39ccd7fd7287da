import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { arr, bool, nullable, obj, oneOf, str } from '@/lib/decode'
import { slurmKeys } from './keys'

export const EXECUTORS = ['local', 'slurm'] as const
export type ExecutorName = (typeof EXECUTORS)[number]

/** GET /api/executors (docs/slurm.md). */
export interface Executors {
  default: ExecutorName
  executors: ExecutorName[]
  slurm_configured: boolean
  partitions: string[]
  default_partition: string | null
  constraints: string[]
  slurm_error: string | null
}

const executor = (v: unknown, path: string) => oneOf(v, path, EXECUTORS)

export function parseExecutors(v: unknown): Executors {
  const o = obj(v, 'executors')
  return {
    default: executor(o.default, 'executors.default'),
    executors: arr(o.executors, 'executors.executors', executor),
    slurm_configured: bool(o.slurm_configured, 'executors.slurm_configured'),
    partitions: arr(o.partitions, 'executors.partitions', str),
    default_partition: nullable(str)(o.default_partition, 'executors.default_partition'),
    constraints: arr(o.constraints, 'executors.constraints', str),
    slurm_error: nullable(str)(o.slurm_error, 'executors.slurm_error'),
  }
}

export const getExecutors = () => apiFetch('/api/executors', { parse: parseExecutors })

// The cluster's partitions change rarely: a minute is fresh enough for a form.
export const executorsQueryOptions = () => queryOptions({ queryKey: slurmKeys.executors(), queryFn: getExecutors, staleTime: 60_000 })

export const useExecutors = () => useQuery(executorsQueryOptions())
