import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ReferenceUncertainty } from '@/lib/types'
import { epochBands } from './accuracyModel'
import { ReferenceUncertaintyNote } from './ReferenceUncertaintyNote'

const jd = (year: number) => 2451545 + (year - 2000) * 365.25

function uncertainty(value: number, ranges: ReferenceUncertainty['ranges']): ReferenceUncertainty {
  return {
    value,
    unit: 'mas',
    metric: 'separation_mas',
    method: 'p99 …',
    source: 'casacore (JPL DE405)',
    provenance: { run_id: '2026-12-01_17-03-37', library: 'casacore', reference: 'swisseph', measured_at: '2026-12-01', cases: 9987 },
    ranges,
  }
}

// Two centuries measured over 1959.94–2060.07 only (casacore's DE405 table), with their own p99.
const de405 = uncertainty(14.8, [
  { from_year: 1959.94, to_year: 2000, cases: 4000, p99: 4.5, max: 4.84 },
  { from_year: 2000, to_year: 2060.07, cases: 5987, p99: 14.8, max: 15.9 },
])

describe('epochBands', () => {
  it('is one band per measured epoch range, over its epochs only and up to its own p99', () => {
    expect(epochBands(de405, 'jd_tt')).toEqual([
      { axis: 'y', from: 0, to: 4.5, across: { from: jd(1959.94), to: jd(2000) } },
      { axis: 'y', from: 0, to: 14.8, across: { from: jd(2000), to: jd(2060.07) } },
    ])
  })

  it('carries the floor into every range when the stated value exceeds every p99', () => {
    const floor = uncertainty(1.92e-5, [
      { from_year: 1972, to_year: 2000, cases: 10, p99: 0, max: 0 },
      { from_year: 2000, to_year: 2027, cases: 10, p99: 0, max: 0 },
    ])
    expect(epochBands(floor, 'jd_utc').map((b) => b.to)).toEqual([1.92e-5, 1.92e-5])
  })

  it('spans the whole axis without epoch bounds or when x is not a Julian Date', () => {
    const kepler = uncertainty(1.8e-10, [{ from_year: null, to_year: null, cases: 20000, p99: 1.8e-10, max: 3.7e-9 }])
    expect(epochBands(kepler, 'jd_tt')).toEqual([{ axis: 'y', from: 0, to: 1.8e-10, across: undefined }])
    expect(epochBands(de405, 'epoch_index')).toEqual([{ axis: 'y', from: 0, to: 14.8 }])
  })
})

describe('ReferenceUncertaintyNote', () => {
  it('states the value and each measured range, and that other epochs were not measured', () => {
    render(<ReferenceUncertaintyNote uncertainty={de405} />)
    const note = screen.getByRole('note', { name: 'Reference uncertainty' })
    expect(note).toHaveTextContent('p99 ≤ 14.8 mas; casacore (JPL DE405)')
    expect(note).toHaveTextContent('per measured range: 1959.94–2000 ≤ 4.5 mas; 2000–2060.07 ≤ 14.8 mas; epochs outside them were not measured.')
  })

  it('says when nothing was measured', () => {
    render(<ReferenceUncertaintyNote uncertainty={null} />)
    expect(screen.getByRole('note', { name: 'Reference uncertainty' })).toHaveTextContent('not measured for this experiment')
  })
})
