import { describe, expect, it } from 'vitest'
import { ShapeError } from '@/lib/decode'
import { parsePerformanceMatrix } from './getPerformanceMatrix'

// As the server writes it (PerformanceMatrixDto, docs/http-api.md).
const sent = {
  run_id: '2026-11-29_01-02-03',
  experiments: ['gmst_era'],
  libraries: ['erfa', 'libnova'],
  cells: [
    { experiment: 'gmst_era', library: 'libnova', role: 'candidate', median_ns: 41.2, ci_low_ns: 40.9, ci_high_ns: 41.9,
      cv_percent: 0.9, valid: true, invalid_reason: null, speedup_vs_reference: 0.8, rank: 2,
      parity: 'model-mismatch', ci_level: 0.9375, speedup_ci_low: 0.78, speedup_ci_high: 0.83, speedup_ci_level: 0.95,
      speedup_verdict: 'slower', speedup_label: 'model_mismatch' },
    { experiment: 'gmst_era', library: 'erfa', role: 'reference', median_ns: 3.1, ci_low_ns: 3.0, ci_high_ns: 3.3,
      cv_percent: 25, valid: false, invalid_reason: 'unstable: CV 25 % > 20 %', speedup_vs_reference: null, rank: null,
      parity: 'reference', ci_level: 0.9375, speedup_ci_low: null, speedup_ci_high: null, speedup_ci_level: null,
      speedup_verdict: null, speedup_label: null },
  ],
}

describe('parsePerformanceMatrix', () => {
  it('reads the shape the server sends', () => {
    const m = parsePerformanceMatrix(sent)
    expect(m.cells.map((c) => [c.library, c.valid, c.rank])).toEqual([['libnova', true, 2], ['erfa', false, null]])
    expect(m.cells[0]).toMatchObject({ parity: 'model-mismatch', ci_level: 0.9375, speedup_ci_low: 0.78, speedup_verdict: 'slower', speedup_label: 'model_mismatch' })
  })

  it('rejects a shape the server never sends instead of guessing', () => {
    expect(() => parsePerformanceMatrix(sent.cells)).toThrow(ShapeError)
    expect(() => parsePerformanceMatrix({ ...sent, cells: undefined, rows: sent.cells })).toThrow(/cells should be an array/)
    const { valid: _valid, ...noValid } = sent.cells[0]
    expect(() => parsePerformanceMatrix({ ...sent, cells: [noValid] })).toThrow(/cells\[0\]\.valid/)
    const { speedup_verdict: _v, ...noVerdict } = sent.cells[0]
    expect(() => parsePerformanceMatrix({ ...sent, cells: [noVerdict] })).toThrow(/cells\[0\]\.speedup_verdict/)
    expect(() => parsePerformanceMatrix({ ...sent, cells: [{ ...sent.cells[0], speedup_verdict: 'quicker' }] })).toThrow(ShapeError)
  })
})
