import { int, matching, nullable, obj, oneOf, timestamp } from '@/lib/decode'
import type { Job } from '@/lib/types'
import { parseJob } from '@/features/jobs/api/parseJob'

export const RESOURCE_CLASSES = ['timing', 'accuracy'] as const
export type ResourceClass = (typeof RESOURCE_CLASSES)[number]

/** A job with the queue's fields (docs/queue.md), as POST /api/benchmark/jobs and PATCH /api/benchmark/jobs/{id} send it. */
export interface QueuedJob extends Job {
  priority: number
  concurrency_key: string | null
  resource_class: ResourceClass
  /** 1-based place in dispatch order; null once the job left the queue. */
  queue_position: number | null
  estimated_start_at: string | null
}

export const CONCURRENCY_KEY = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/

export function parseQueuedJob(v: unknown, path = 'job'): QueuedJob {
  const o = obj(v, path)
  return {
    ...parseJob(v, path),
    priority: int(o.priority, `${path}.priority`),
    concurrency_key: nullable((x, p) => matching(x, p, CONCURRENCY_KEY, 'a concurrency key'))(o.concurrency_key, `${path}.concurrency_key`),
    resource_class: oneOf(o.resource_class, `${path}.resource_class`, RESOURCE_CLASSES),
    queue_position: nullable(int)(o.queue_position, `${path}.queue_position`),
    estimated_start_at: nullable(timestamp)(o.estimated_start_at, `${path}.estimated_start_at`),
  }
}
