import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import type { PerfCell } from '../api/getPerformanceMatrix'
import { PerformanceMatrixPage } from './PerformanceMatrixPage'

afterEach(() => vi.unstubAllGlobals())

const RUN = '2026-11-29_01-02-03'
const cell = (o: Partial<PerfCell>): PerfCell => ({
  experiment: 'gmst_era',
  library: 'libnova',
  role: 'candidate',
  median_ns: 20,
  ci_low_ns: 19.5,
  ci_high_ns: 20.5,
  cv_percent: 1,
  valid: true,
  invalid_reason: null,
  speedup_vs_reference: 2.1,
  rank: 1,
  parity: 'model-parity',
  ci_level: 0.9375,
  speedup_ci_low: 2.0,
  speedup_ci_high: 2.2,
  speedup_ci_level: 0.95,
  speedup_verdict: 'faster',
  speedup_label: null,
  ...o,
})

function show(cells: PerfCell[]) {
  mockFetch({
    [`GET /api/runs/${RUN}/performance-matrix`]: () => ({
      body: { run_id: RUN, experiments: [...new Set(cells.map((c) => c.experiment))], libraries: ['erfa', 'libnova'], cells },
    }),
  })
  renderRoute(`/runs/${RUN}/performance`, '/runs/:runId/performance', <PerformanceMatrixPage />)
}

const libnovaCell = async (experiment = 'gmst_era') => {
  const table = await screen.findByRole('table', { name: /Performance matrix/ })
  const row = within(table).getByRole('rowheader', { name: experiment }).closest('tr')!
  return within(row).getAllByRole('cell')[1]
}

describe('PerformanceMatrixPage', () => {
  it('labels a speedup between model-mismatched libraries and states the median CI coverage', async () => {
    show([cell({ library: 'erfa', role: 'reference', parity: 'reference', speedup_vs_reference: 1, rank: 2 }), cell({ parity: 'model-mismatch' })])
    const c = await libnovaCell()
    expect(c).toHaveTextContent('2.10× (model mismatch) vs ref.')
    expect(c).toHaveTextContent('median CI (93.75 %)')
    expect(c).not.toHaveTextContent('95')
  })

  it('labels a speedup of unequal work per op as a model mismatch, also at model parity', async () => {
    show([cell({ parity: 'model-parity', speedup_label: 'model_mismatch' })])
    expect(await libnovaCell()).toHaveTextContent('2.10× (model mismatch) vs ref.')
  })

  it('shows ≈ 1× when the interval contains 1', async () => {
    show([cell({ speedup_vs_reference: 1.03, speedup_ci_low: 0.97, speedup_ci_high: 1.08, speedup_verdict: 'indistinguishable' })])
    expect(await libnovaCell()).toHaveTextContent('≈ 1× vs ref.')
  })

  it('shows a smoke figure without rank or speedup, with its reason', async () => {
    const reason = 'too_few_rounds: 1 round (at least 3 are needed to judge stability)'
    show([cell({ valid: false, invalid_reason: reason, rank: null, speedup_vs_reference: null, speedup_ci_low: null, speedup_ci_high: null, speedup_ci_level: null, speedup_verdict: null })])
    const c = await libnovaCell()
    expect(c).toHaveTextContent('— vs ref.')
    expect(c).toHaveTextContent(reason)
    expect(within(c).getByText('smoke figure · not ranked')).toBeInTheDocument()
    expect(within(c).queryByTitle(/rank/)).toBeNull()
  })
})
