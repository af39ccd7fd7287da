import { arr, bool, int, nullable, obj, str, timestamp } from '@/lib/decode'

/** The job a schedule enqueues: the body of POST /api/benchmark/start (docs/schedules.md). */
export interface ScheduleJob {
  experiments: string[]
  libraries: string[] | null
  n: number
  seed: number
  perf_rounds: number
  no_perf: boolean
  ci_mode: boolean
  notes: string | null
}

/** A schedule as GET /api/schedules shows it; `next_occurrences` is empty while disabled. */
export interface Schedule {
  id: string
  name: string
  cron: string
  job: ScheduleJob
  priority: number
  concurrency_key: string
  enabled: boolean
  created_at: string
  next_occurrences: string[]
  last_fired_at: string | null
  last_job_id: string | null
}

const strings = (v: unknown, p: string) => arr(v, p, str)

function parseJob(v: unknown, path: string): ScheduleJob {
  const o = obj(v, path)
  return {
    experiments: strings(o.experiments, `${path}.experiments`),
    libraries: nullable(strings)(o.libraries, `${path}.libraries`),
    n: int(o.n, `${path}.n`),
    seed: int(o.seed, `${path}.seed`),
    perf_rounds: int(o.perf_rounds, `${path}.perf_rounds`),
    no_perf: bool(o.no_perf, `${path}.no_perf`),
    ci_mode: bool(o.ci_mode, `${path}.ci_mode`),
    notes: nullable(str)(o.notes, `${path}.notes`),
  }
}

export function parseSchedule(v: unknown, path = 'schedule'): Schedule {
  const o = obj(v, path)
  return {
    id: str(o.id, `${path}.id`),
    name: str(o.name, `${path}.name`),
    cron: str(o.cron, `${path}.cron`),
    job: parseJob(o.job, `${path}.job`),
    priority: int(o.priority, `${path}.priority`),
    concurrency_key: str(o.concurrency_key, `${path}.concurrency_key`),
    enabled: bool(o.enabled, `${path}.enabled`),
    created_at: timestamp(o.created_at, `${path}.created_at`),
    next_occurrences: arr(o.next_occurrences, `${path}.next_occurrences`, timestamp),
    last_fired_at: nullable(timestamp)(o.last_fired_at, `${path}.last_fired_at`),
    last_job_id: nullable(str)(o.last_job_id, `${path}.last_job_id`),
  }
}

export const parseScheduleList = (v: unknown): Schedule[] => arr(v, 'schedules', parseSchedule)
