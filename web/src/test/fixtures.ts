import type { Adapter, Experiment, Job, RunLimits } from '@/lib/types'

export const experiments: Experiment[] = [
  { id: 'gmst_era', title: 'Sidereal time', description: 'GMST and ERA', family: 'time', input_columns: ['jd_ut1', 'jd_tt'], output_columns: ['gmst_rad'] },
  { id: 'kepler_solver', title: "Kepler's equation", description: 'E from M', family: 'orbits', input_columns: ['m_rad', 'e'], output_columns: ['e_rad'] },
]

export const adapters: Adapter[] = [
  { name: 'erfa', library: 'ERFA', language: 'c', available: true, reason: null, experiments: ['gmst_era'] },
  { name: 'libnova', library: 'libnova', language: 'c', available: true, reason: null, experiments: ['gmst_era'] },
  { name: 'skyfield', library: 'Skyfield', language: 'python', available: false, reason: 'python3 module skyfield not installed', experiments: [] },
]

/** GET /api/limits as the server answers it (src/AstroBench.Core/Running/RunLimits.cs). */
export const limits: RunLimits = {
  n: { min: 1, max: 1000000, default: 1000 },
  seed: { min: 0, max: 2147483647, default: 42 },
  perf_rounds: { min: 1, max: 50, default: 5 },
  max_experiments: 50,
  max_libraries: 20,
  max_notes_length: 2000,
}

/** A job object as the server writes it (src/AstroBench.Server/Jobs/JobDto.cs). */
export function job(over: Partial<Job> = {}): Job {
  const progress = over.progress ?? { experiments_done: 0, experiments_total: 0, current_experiment: null, current_step: null, percent: 0 }
  return {
    job_id: 'abcdef012345',
    status: 'queued',
    started_at: null,
    finished_at: null,
    run_id: null,
    config: { experiments: ['all'], n: 1000, seed: 42, no_perf: false, perf_rounds: 5, ci_mode: false, notes: over.notes ?? '', libraries: null },
    current_experiment: progress.current_experiment,
    current_step: progress.current_step,
    progress_pct: progress.percent,
    created_at: '2026-11-29T01:02:03.000Z',
    notes: null,
    progress,
    exit_code: null,
    reason: null,
    log_lines: 0,
    ...over,
  }
}
