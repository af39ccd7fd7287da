import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { int, nullable, obj, oneOf, str } from '@/lib/decode'
import { EXECUTORS, type ExecutorName } from './getExecutors'
import { slurmKeys } from './keys'

/** The executor fields of a job (docs/slurm.md), beside the job's other fields. */
export interface SlurmJobFields {
  status: string
  executor: ExecutorName
  partition: string | null
  slurm_job_id: number | null
  slurm_node: string | null
  slurm_state: string | null
  slurm_reason: string | null
}

export function parseSlurmJobFields(v: unknown): SlurmJobFields {
  const o = obj(v, 'job')
  return {
    status: str(o.status, 'job.status'),
    executor: oneOf(o.executor, 'job.executor', EXECUTORS),
    partition: nullable(str)(o.partition, 'job.partition'),
    slurm_job_id: nullable(int)(o.slurm_job_id, 'job.slurm_job_id'),
    slurm_node: nullable(str)(o.slurm_node, 'job.slurm_node'),
    slurm_state: nullable(str)(o.slurm_state, 'job.slurm_state'),
    slurm_reason: nullable(str)(o.slurm_reason, 'job.slurm_reason'),
  }
}

export const getSlurmJob = (id: string) => apiFetch(`/api/benchmark/jobs/${encodeURIComponent(id)}`, { parse: parseSlurmJobFields })

const FINAL = ['completed', 'failed', 'cancelled']

// Slurm's state changes without a log line: poll once a second until the job is final.
export const slurmJobQueryOptions = (id: string) =>
  queryOptions({
    queryKey: slurmKeys.job(id),
    queryFn: () => getSlurmJob(id),
    refetchInterval: (q) => (q.state.error || (q.state.data && FINAL.includes(q.state.data.status)) ? false : 1000),
  })

export const useSlurmJob = (id: string) => useQuery(slurmJobQueryOptions(id))
