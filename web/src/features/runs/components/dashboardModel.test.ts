import { describe, expect, it } from 'vitest'
import type { RunDetail, RunRow } from '@/lib/types'
import { fastestByExperiment, qualityAlerts, scatterGroups } from './dashboardModel'

const row = (o: Partial<RunRow>): RunRow => ({
  experiment: 'gmst_era',
  library: 'libnova',
  role: 'candidate',
  parity: 'model-mismatch',
  model: 'm',
  outcome: 'completed',
  primary_metric: 'gmst_error_arcsec',
  unit: 'arcsec',
  p50: 0.01,
  p99: 0.09,
  max: 0.1,
  median_ns: 40,
  ci_low_ns: 39,
  ci_high_ns: 41,
  perf_valid: true,
  speedup_vs_reference: 1,
  ci_level: 0.9375,
  perf_invalid_reason: null,
  speedup_ci_low: 0.9,
  speedup_ci_high: 1.1,
  speedup_ci_level: 0.95,
  speedup_verdict: 'indistinguishable',
  ...o,
})

describe('fastestByExperiment', () => {
  it('never ranks a flagged (invalid) result, even when it is faster', () => {
    const rows = [row({ library: 'a', median_ns: 1, perf_valid: false }), row({ library: 'b', median_ns: 50 }), row({ library: 'c', median_ns: 40 })]
    expect(fastestByExperiment(rows).get('gmst_era')).toBe('c')
  })
})

describe('qualityAlerts', () => {
  it('reports failed experiments, skipped adapters, NaN metrics and invalid perf', () => {
    const run: RunDetail = {
      id: 'r',
      manifest: { completeness: { failed: [{ experiment: 'kepler_solver', reason: 'adapter crashed' }] } },
      rows: [row({ library: 'x', outcome: 'skipped' }), row({ library: 'y', p99: null, max: null }), row({ library: 'z', perf_valid: false })],
    }
    const kinds = qualityAlerts(run).map((a) => a.kind)
    expect(kinds).toEqual(['failed-experiment', 'not-completed', 'nan', 'invalid-perf'])
  })
})

describe('scatterGroups', () => {
  it('groups by family and unit so an axis never mixes units; skips references and zero errors', () => {
    const rows = [
      row({ library: 'a' }),
      row({ library: 'b', experiment: 'kepler_solver', unit: 'rad' }),
      row({ library: 'erfa', role: 'reference', p99: 0 }),
      row({ library: 'c', p99: 0 }),
    ]
    const g = scatterGroups(rows, [
      { id: 'gmst_era', family: 'time', title: '', description: '', input_columns: [], output_columns: [] },
      { id: 'kepler_solver', family: 'time', title: '', description: '', input_columns: [], output_columns: [] },
    ])
    expect(g.map((x) => x.key)).toEqual(['time|arcsec', 'time|rad'])
    expect(g[0].points).toHaveLength(1)
  })
})
