import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import type { Regression } from '../api/parse'
import { RegressionsPage } from './RegressionsPage'

afterEach(() => vi.unstubAllGlobals())

const regression = (over: Partial<Regression> = {}): Regression => ({
  id: '5d41402abc4b2a76', kind: 'performance', direction: 'regression', state: 'open', testbed: 'ae37e8780a8490c4', experiment: 'gmst_era',
  library: 'libnova', metric: 'median_ns', unit: 'ns', run_id: '2026-12-01_10-00-00', previous_run_id: '2026-11-30_10-00-00',
  before: 41.2, after: 45.6, change_pct: 10.7, p_value: 0.00001, detail: 'E-Divisive split', detected_at: '2026-12-01T10:05:00.000Z',
  note: null, state_by: null, state_at: null, ...over,
})

describe('RegressionsPage', () => {
  it('lists open changes with links to the run and the trend', async () => {
    const m = mockFetch({ 'GET /api/regressions': () => ({ body: [regression()] }) })
    renderRoute('/regressions', '/regressions', <RegressionsPage />)
    const row = (await screen.findAllByRole('row'))[1]
    expect(within(row).getByText('+10.7 %', { exact: false })).toBeInTheDocument()
    expect(within(row).getByRole('link', { name: '2026-12-01_10-00-00' })).toHaveAttribute('href', '/runs/2026-12-01_10-00-00')
    expect(within(row).getByRole('link', { name: 'trend' })).toHaveAttribute('href', '/trends?testbed=ae37e8780a8490c4&experiment=gmst_era&library=libnova')
    expect(m.calls[0].url.searchParams.get('state')).toBe('open')
  })

  it('marks a change as an expected shift with a note and who set it', async () => {
    const m = mockFetch({
      'GET /api/regressions': () => ({ body: [regression()] }),
      'PATCH /api/regressions/5d41402abc4b2a76': ({ body }) => ({ body: regression({ ...(body as object), state_at: '2026-12-01T11:00:00.000Z' } as Partial<Regression>) }),
    })
    const user = userEvent.setup()
    renderRoute('/regressions', '/regressions', <RegressionsPage />)
    const form = await screen.findByRole('form', { name: /State of libnova gmst_era median_ns/ })
    await user.selectOptions(within(form).getByLabelText('State'), 'expected-shift')
    await user.type(within(form).getByLabelText('Note'), 'new model')
    await user.type(within(form).getByLabelText('By'), 'ana')
    await user.click(within(form).getByRole('button', { name: 'Save' }))
    const patch = await vi.waitFor(() => m.calls.find((c) => c.method === 'PATCH') ?? Promise.reject(new Error('no PATCH yet')))
    expect(patch.body).toEqual({ state: 'expected-shift', note: 'new model', by: 'ana' })
  })
})
