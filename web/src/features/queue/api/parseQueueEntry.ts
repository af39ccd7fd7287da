import { arr, bool, int, matching, nullable, obj, oneOf, str, timestamp } from '@/lib/decode'
import type { JobConfig } from '@/lib/types'
import { JOB_ID, parseJobConfig } from '@/features/jobs/api/parseJob'
import { CONCURRENCY_KEY, RESOURCE_CLASSES, type ResourceClass } from './parseQueuedJob'

/**
 * One entry of GET /api/benchmark/queue: a compact projection of a queued job (docs/queue.md, QueueEntryDto.cs),
 * not the full job; the panel needs no more.
 */
export interface QueueEntry {
  job_id: string
  status: 'queued'
  created_at: string
  config: JobConfig
  priority: number
  concurrency_key: string | null
  resource_class: ResourceClass
  preempt: boolean
  checkpoint: string | null
  queue_position: number
  estimated_start_at: string | null
}

export function parseQueueEntry(v: unknown, path = 'entry'): QueueEntry {
  const o = obj(v, path)
  return {
    job_id: matching(o.job_id, `${path}.job_id`, JOB_ID, 'a job id (12 hex digits)'),
    status: oneOf(o.status, `${path}.status`, ['queued'] as const),
    created_at: timestamp(o.created_at, `${path}.created_at`),
    config: parseJobConfig(o.config, `${path}.config`),
    priority: int(o.priority, `${path}.priority`),
    concurrency_key: nullable((x, p) => matching(x, p, CONCURRENCY_KEY, 'a concurrency key'))(o.concurrency_key, `${path}.concurrency_key`),
    resource_class: oneOf(o.resource_class, `${path}.resource_class`, RESOURCE_CLASSES),
    preempt: bool(o.preempt, `${path}.preempt`),
    checkpoint: nullable(str)(o.checkpoint, `${path}.checkpoint`),
    queue_position: int(o.queue_position, `${path}.queue_position`),
    estimated_start_at: nullable(timestamp)(o.estimated_start_at, `${path}.estimated_start_at`),
  }
}

/** GET /api/benchmark/queue answers a plain array in dispatch order. */
export const parseQueue = (v: unknown): QueueEntry[] => arr(v, 'queue', parseQueueEntry)
