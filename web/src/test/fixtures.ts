import type { Adapter, Experiment, Job } from '@/lib/types'

export const experiments: Experiment[] = [
  { id: 'gmst_era', title: 'Sidereal time', description: 'GMST and ERA', family: 'time', input_columns: ['jd_ut1', 'jd_tt'], output_columns: ['gmst_rad'] },
  { id: 'kepler_solver', title: "Kepler's equation", description: 'E from M', family: 'orbits', input_columns: ['m_rad', 'e'], output_columns: ['e_rad'] },
]

export const adapters: Adapter[] = [
  { name: 'erfa', library: 'ERFA', language: 'c', available: true, reason: null, version: '2.0', experiments: ['gmst_era'] },
  { name: 'libnova', library: 'libnova', language: 'c', available: true, reason: null, version: '0.16', experiments: ['gmst_era'] },
  { name: 'skyfield', library: 'Skyfield', language: 'python', available: false, reason: 'python3 module skyfield not installed', version: null, experiments: [] },
]

export function job(over: Partial<Job> = {}): Job {
  return {
    id: 'abcdef012345',
    status: 'queued',
    config: { experiments: ['all'], libraries: null, n: 1000, seed: 42, perf_rounds: 5, no_perf: false, ci_mode: false },
    notes: null,
    created_at: '2026-11-29T01:02:03.000Z',
    started_at: null,
    finished_at: null,
    run_id: null,
    progress: { experiments_done: 0, experiments_total: 0, current_experiment: null, current_step: null, percent: 0 },
    exit_code: null,
    reason: null,
    log_lines: 0,
    ...over,
  }
}
