import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { experiments } from '@/test/fixtures'
import type { RunRow } from '@/lib/types'
import { RunDashboardPage } from './RunDashboardPage'

// uPlot needs a real browser (matchMedia, canvas); the summary table is what is tested here.
vi.mock('@/components/ui/Plot', () => ({ Plot: () => null, alignSeries: () => [] }))

afterEach(() => vi.unstubAllGlobals())

const RUN = '2026-11-29_01-02-03'
const row = (o: Partial<RunRow>): RunRow => ({
  experiment: 'gmst_era',
  library: 'libnova',
  role: 'candidate',
  parity: 'model-mismatch',
  model: 'IAU 1982 GMST',
  outcome: 'completed',
  primary_metric: 'gmst_error_arcsec',
  unit: 'arcsec',
  p50: 0.01,
  p99: 0.09,
  max: 0.1,
  median_ns: 20,
  ci_low_ns: 19.5,
  ci_high_ns: 20.5,
  perf_valid: true,
  speedup_vs_reference: 2.1,
  ci_level: 0.9375,
  perf_invalid_reason: null,
  speedup_ci_low: 2.0,
  speedup_ci_high: 2.2,
  speedup_ci_level: 0.95,
  speedup_verdict: 'faster',
  ...o,
})

function show(rows: RunRow[]) {
  mockFetch({
    [`GET /api/runs/${RUN}`]: () => ({ body: { id: RUN, manifest: null, rows } }),
    'GET /api/experiments': () => ({ body: experiments }),
  })
  renderRoute(`/runs/${RUN}`, '/runs/:runId', <RunDashboardPage />)
}

const libraryRow = async (library: string, experiment = 'gmst_era') => {
  const table = await screen.findByRole('table', { name: 'Results by experiment and library' })
  return within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryAllByRole('cell')[0]?.textContent === experiment && within(r).getAllByRole('cell')[1].textContent?.startsWith(library))!
}

describe('RunDashboardPage summary', () => {
  it('labels a model-mismatch speedup, gives its interval and the median CI coverage', async () => {
    show([row({ library: 'erfa', role: 'reference', parity: 'reference', median_ns: 42, speedup_vs_reference: 1, speedup_verdict: null }), row({})])
    const r = await libraryRow('libnova')
    expect(within(r).getByText('2.10× (model mismatch)')).toBeInTheDocument()
    expect(within(r).getByText('95 % CI 2.00–2.20×')).toBeInTheDocument()
    expect(within(r).getByText('93.75 % coverage')).toBeInTheDocument()
  })

  it('shows ≈ 1× for an indistinguishable speedup', async () => {
    show([row({ parity: 'model-parity', speedup_vs_reference: 1.02, speedup_ci_low: 0.97, speedup_ci_high: 1.07, speedup_verdict: 'indistinguishable' })])
    expect(within(await libraryRow('libnova')).getByText('≈ 1×')).toBeInTheDocument()
  })

  it('shows no speedup and the reason for a CI-mode smoke figure, and never calls it fastest', async () => {
    const reason = 'too_few_rounds: 1 round (at least 3 are needed to judge stability)'
    show([row({ perf_valid: false, perf_invalid_reason: reason, speedup_vs_reference: null, speedup_ci_low: null, speedup_ci_high: null, speedup_ci_level: null, speedup_verdict: null })])
    const r = await libraryRow('libnova')
    expect(within(r).getByText('—')).toBeInTheDocument()
    expect(within(r).getByText(reason)).toBeInTheDocument()
    expect(within(r).getByText('smoke figure · not ranked')).toBeInTheDocument()
    expect(within(r).queryByText(/fastest/)).toBeNull()
  })
})
