import { describe, expect, it } from 'vitest'
import { ShapeError } from '@/lib/decode'
import { parseJob, parseJobList } from './parseJob'

// Captured from `astrobench serve` (a cancelled two-experiment job).
const fromServer = {
  job_id: '2f32a4363982',
  status: 'cancelled',
  started_at: '2026-12-01T08:53:29.804Z',
  finished_at: '2026-12-01T08:53:30.683Z',
  run_id: null,
  config: { experiments: ['gmst_era', 'kepler_solver'], n: 20, seed: 42, no_perf: true, perf_rounds: 5, ci_mode: false, notes: '', libraries: ['gate'] },
  current_experiment: 'kepler_solver',
  current_step: null,
  progress_pct: 75,
  created_at: '2026-12-01T08:53:29.770Z',
  notes: null,
  progress: { experiments_done: 1, experiments_total: 2, current_experiment: 'kepler_solver', current_step: null, percent: 75 },
  exit_code: 143,
  reason: 'cancelled by user',
  log_lines: 11,
}

const without = (k: keyof typeof fromServer) => Object.fromEntries(Object.entries(fromServer).filter(([key]) => key !== k))

describe('parseJob', () => {
  it('accepts the job object the server writes, unchanged', () => {
    expect(parseJob(fromServer)).toEqual(fromServer)
  })
  it('rejects the old shape with "id" instead of "job_id"', () => {
    expect(() => parseJob({ ...without('job_id'), id: '2f32a4363982' })).toThrow(/job\.job_id should be a job id/)
  })
  it('rejects timestamps in another format', () => {
    expect(() => parseJob({ ...fromServer, created_at: '2026-12-01T08:53:29Z' })).toThrow(ShapeError)
    expect(() => parseJob({ ...fromServer, started_at: '2026-12-01T08:53:29.804+00:00' })).toThrow(/job\.started_at/)
  })
  it('rejects unknown statuses and missing members', () => {
    expect(() => parseJob({ ...fromServer, status: 'done' })).toThrow(/job\.status should be one of/)
    expect(() => parseJob(without('progress'))).toThrow(/job\.progress should be an object/)
    expect(() => parseJob(without('run_id'))).toThrow(/job\.run_id should be present/)
    expect(() => parseJob({ ...fromServer, config: { ...fromServer.config, notes: null } })).toThrow(/job\.config\.notes/)
  })
})

describe('parseJobList', () => {
  it('takes a plain array only', () => {
    expect(parseJobList([fromServer])).toHaveLength(1)
    expect(() => parseJobList({ jobs: [fromServer], total: 1 })).toThrow(/jobs should be an array/)
    expect(() => parseJobList([fromServer, { ...fromServer, job_id: 'XYZ' }])).toThrow(/jobs\[1\]\.job_id/)
  })
})
