import { describe, expect, it } from 'vitest'
import { fmtLevel, speedupIntervalLabel, speedupLabel } from './speedup'

describe('speedupLabel', () => {
  it('labels a model-mismatch speedup as such', () => {
    expect(speedupLabel({ valid: true, speedup: 2.1, verdict: 'faster', parity: 'model-mismatch' })).toBe('2.10× (model mismatch)')
  })
  it('labels a speedup of unequal work (speedup_label) even at model parity', () => {
    expect(speedupLabel({ valid: true, speedup: 2.1, verdict: 'faster', parity: 'model-parity', label: 'model_mismatch' })).toBe('2.10× (model mismatch)')
    expect(speedupLabel({ valid: true, speedup: 2.1, verdict: 'faster', parity: 'model-parity', label: null })).toBe('2.10×')
  })
  it('reads ≈ 1× when the interval contains 1', () => {
    expect(speedupLabel({ valid: true, speedup: 1.03, verdict: 'indistinguishable', parity: 'model-parity' })).toBe('≈ 1×')
  })
  it('shows no speedup for an invalid result', () => {
    expect(speedupLabel({ valid: false, speedup: 3, verdict: 'faster', parity: 'model-parity' })).toBe('—')
  })
  it('states coverage exactly', () => {
    expect(fmtLevel(0.9375)).toBe('93.75 %')
    expect(speedupIntervalLabel(1.95, 2.31, 0.95)).toBe('95 % CI 1.95–2.31×')
    expect(speedupIntervalLabel(null, 2.31, 0.95)).toBeNull()
  })
})
