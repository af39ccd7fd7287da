import { describe, expect, it } from 'vitest'
import { cdf, epochColumn, errorVsEpoch } from './accuracyModel'

describe('cdf', () => {
  it('is the sorted |error| with cumulative fractions, zeros left out for the log axis', () => {
    expect(cdf([-0.3, 0.1, 0, null, 0.2])).toEqual([
      { x: 0.1, y: 0.5 },
      { x: 0.2, y: 0.75 },
      { x: 0.3, y: 1 },
    ])
  })
  it('thins big inputs but keeps the maximum', () => {
    const v = Array.from({ length: 100_000 }, (_, i) => i + 1)
    const out = cdf(v, 1000)
    expect(out.length).toBeLessThanOrEqual(1001)
    expect(out[out.length - 1]).toEqual({ x: 100_000, y: 1 })
  })
})

describe('epochColumn / errorVsEpoch', () => {
  it('picks a time-like input column', () => {
    expect(epochColumn(['ra', 'jd_tt'])).toBe('jd_tt')
    expect(epochColumn(['m_rad', 'e'])).toBeNull()
  })
  it('sorts by epoch and aligns |error| per library', () => {
    const data = errorVsEpoch(
      { columns: ['index', 'jd', 'a.err', 'b.err'], rows: [[0, 3, -1, 2], [1, 1, 0, 4], [2, 2, null, 5]], offset: 0, limit: 3, total: 3 },
      'jd',
      ['a.err', 'b.err'],
    )
    expect(data).toEqual([
      [1, 2, 3],
      [null, null, 1],
      [4, 5, 2],
    ])
  })
})
