import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import type { HistorySeries, Regression } from '../api/parse'
import { TrendsPage } from './TrendsPage'
import { trendData } from './trendModel'

afterEach(() => vi.unstubAllGlobals())

// uPlot needs a canvas; the page's own logic is what these tests check.
vi.mock('@/components/ui/Plot', () => ({ Plot: ({ title }: { title: string }) => <div role="img" aria-label={title} /> }))

const regression: Regression = {
  id: '5d41402abc4b2a76', kind: 'accuracy', direction: 'regression', state: 'open', testbed: 'ae37e8780a8490c4', experiment: 'gmst_era',
  library: 'libnova', metric: 'gmst_error_arcsec', unit: 'arcsec', run_id: '2026-01-01_00-02-00', previous_run_id: '2026-01-01_00-01-00',
  before: 0.09, after: 0.5, change_pct: 455.6, p_value: null, detail: 'changed: mean 0.01 → 0.0105', detected_at: '2026-12-01T10:05:00.000Z',
  note: null, state_by: null, state_at: null,
}

const point = (i: number, over: Partial<HistorySeries['points'][number]> = {}) => ({
  run_id: `2026-01-01_00-0${i}-00`, started_at: null, git_sha: 'abcdef0123456789', library_version: 'libnova 0.15', value: 0.09,
  judged: true, smoke: false, version_change: null, change_id: null, ...over,
})

const series: HistorySeries = {
  testbed: 'ae37e8780a8490c4', testbed_label: 'ci-runner', experiment: 'gmst_era', library: 'libnova', metric: 'gmst_error_arcsec',
  kind: 'accuracy', unit: 'arcsec', changes: [regression],
  points: [point(0), point(1, { library_version: 'libnova 0.16', version_change: { from: 'libnova 0.15', to: 'libnova 0.16' } }),
    point(2, { library_version: 'libnova 0.16', value: 0.5, change_id: regression.id })],
}

describe('TrendsPage', () => {
  it('plots each series and links every point to its run and experiment, with the version change and the detected change', async () => {
    const m = mockFetch({
      'GET /api/history/testbeds': () => ({ body: [{ key: 'ae37e8780a8490c4', label: 'ci-runner', cpu_model: 'x', cores: 2, os: 'o', runtime: 'r', compiler: 'c', runs: 3 }] }),
      'GET /api/history/series': () => ({ body: [{ testbed: 'ae37e8780a8490c4', testbed_label: 'ci-runner', experiment: 'gmst_era', library: 'libnova', metric: 'gmst_error_arcsec', kind: 'accuracy', unit: 'arcsec', points: 3, last_run_id: '2026-01-01_00-02-00' }] }),
      'GET /api/history': () => ({ body: [series] }),
    })
    renderRoute('/trends?experiment=gmst_era&library=libnova', '/trends', <TrendsPage />)

    const section = await screen.findByRole('region', { name: /libnova · gmst_era · gmst_error_arcsec \(arcsec\) · testbed ci-runner/ })
    expect(within(section).getByRole('img', { name: /libnova · gmst_era/ })).toBeInTheDocument()
    const rows = within(section).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(3)
    expect(within(rows[0]).getByRole('link', { name: '2026-01-01_00-00-00' })).toHaveAttribute('href', '/runs/2026-01-01_00-00-00')
    expect(within(rows[0]).getByRole('link', { name: 'experiment' })).toHaveAttribute('href', '/runs/2026-01-01_00-00-00/experiments/gmst_era')
    expect(within(rows[1]).getByText('libnova 0.15 → libnova 0.16')).toBeInTheDocument()
    expect(within(rows[2]).getByText('regression (open)')).toBeInTheDocument()
    const call = m.calls.find((c) => c.url.pathname === '/api/history')!
    expect(Object.fromEntries(call.url.searchParams)).toEqual({ experiment: 'gmst_era', library: 'libnova', order: 'time' })
  })

  it('puts markers only where the changes and version changes are', () => {
    const [xs, values, regressions, improvements, versions] = trendData(series)
    expect(xs).toEqual([1, 2, 3])
    expect(values).toEqual([0.09, 0.09, 0.5])
    expect(regressions).toEqual([null, null, 0.5])
    expect(improvements).toEqual([null, null, null])
    expect(versions).toEqual([null, 0.09, null])
  })
})
