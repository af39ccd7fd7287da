import { nullable, oneOf, obj, str } from '@/lib/decode'
import { parseJob } from '@/features/jobs/api/parseJob'
import type { Job } from '@/lib/types'

export const PAUSE_MODES = ['boundary', 'now'] as const
export type PauseMode = (typeof PAUSE_MODES)[number]

/** A job with the pause fields of docs/pause.md (checkpoint, pause_requested, preempted_by). */
export interface PausableJob extends Job {
  checkpoint: string | null
  pause_requested: PauseMode | null
  preempted_by: string | null
}

const mode = nullable((v, p) => oneOf(v, p, PAUSE_MODES))

export function parsePausedJob(v: unknown, path = 'job'): PausableJob {
  const o = obj(v, path)
  return {
    ...parseJob(v, path),
    checkpoint: nullable(str)(o.checkpoint, `${path}.checkpoint`),
    pause_requested: mode(o.pause_requested, `${path}.pause_requested`),
    preempted_by: nullable(str)(o.preempted_by, `${path}.preempted_by`),
  }
}
