import { arr, bool, int, matching, nullable, num, obj, oneOf, str, timestamp } from '@/lib/decode'
import { JOB_STATUSES, type Job, type JobConfig, type JobProgress } from '@/lib/types'

export const JOB_ID = /^[0-9a-f]{12}$/

const jobId = (v: unknown, path: string) => matching(v, path, JOB_ID, 'a job id (12 hex digits)')
const strOrNull = nullable(str)
const intOrNull = nullable(int)
const timestampOrNull = nullable(timestamp)

export function parseJobConfig(v: unknown, path = 'config'): JobConfig {
  const o = obj(v, path)
  return {
    experiments: arr(o.experiments, `${path}.experiments`, str),
    n: int(o.n, `${path}.n`),
    seed: int(o.seed, `${path}.seed`),
    no_perf: bool(o.no_perf, `${path}.no_perf`),
    perf_rounds: int(o.perf_rounds, `${path}.perf_rounds`),
    ci_mode: bool(o.ci_mode, `${path}.ci_mode`),
    notes: str(o.notes, `${path}.notes`),
    libraries: nullable((x, p) => arr(x, p, str))(o.libraries, `${path}.libraries`),
  }
}

export function parseJobProgress(v: unknown, path = 'progress'): JobProgress {
  const o = obj(v, path)
  return {
    experiments_done: int(o.experiments_done, `${path}.experiments_done`),
    experiments_total: int(o.experiments_total, `${path}.experiments_total`),
    current_experiment: strOrNull(o.current_experiment, `${path}.current_experiment`),
    current_step: strOrNull(o.current_step, `${path}.current_step`),
    percent: num(o.percent, `${path}.percent`),
  }
}

/** A job object exactly as the server writes it (src/AstroBench.Server/Jobs/JobDto.cs). */
export function parseJob(v: unknown, path = 'job'): Job {
  const o = obj(v, path)
  return {
    job_id: jobId(o.job_id, `${path}.job_id`),
    status: oneOf(o.status, `${path}.status`, JOB_STATUSES),
    started_at: timestampOrNull(o.started_at, `${path}.started_at`),
    finished_at: timestampOrNull(o.finished_at, `${path}.finished_at`),
    run_id: strOrNull(o.run_id, `${path}.run_id`),
    config: parseJobConfig(o.config, `${path}.config`),
    current_experiment: strOrNull(o.current_experiment, `${path}.current_experiment`),
    current_step: strOrNull(o.current_step, `${path}.current_step`),
    progress_pct: num(o.progress_pct, `${path}.progress_pct`),
    created_at: timestamp(o.created_at, `${path}.created_at`),
    notes: strOrNull(o.notes, `${path}.notes`),
    progress: parseJobProgress(o.progress, `${path}.progress`),
    exit_code: intOrNull(o.exit_code, `${path}.exit_code`),
    reason: strOrNull(o.reason, `${path}.reason`),
    log_lines: int(o.log_lines, `${path}.log_lines`),
  }
}

export const parseJobList = (v: unknown): Job[] => arr(v, 'jobs', parseJob)
