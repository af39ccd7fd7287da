import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderRoute } from '@/test/utils'
import type { Regression } from '../api/parse'
import { RegressionsPage } from './RegressionsPage'

// The published site's build (isStaticSite): answers come from window.__astrobench, as the data scripts fill it.
vi.mock('@/lib/staticSite', async (original) => ({ ...(await original<typeof import('@/lib/staticSite')>()), isStaticSite: true }))

afterEach(() => {
  delete window.__astrobench
})

const regression = (over: Partial<Regression>): Regression => ({
  id: '5d41402abc4b2a76', kind: 'accuracy', direction: 'regression', state: 'open', testbed: 'ae37e8780a8490c4', experiment: 'gmst_era',
  library: 'libnova', metric: 'gmst_error_arcsec', unit: 'arcsec', run_id: '2026-12-01_10-00-00', previous_run_id: '2026-11-30_10-00-00',
  before: 0.27, after: 0.55, change_pct: 100, p_value: null, detail: 'changed: p99', detected_at: '2026-12-01T10:05:00.000Z',
  note: null, state_by: null, state_at: null, ...over,
})

describe('RegressionsPage on the published site', () => {
  it('lists the published changes of the chosen state, read-only, and says so', async () => {
    window.__astrobench = {
      '/api/regressions': [
        regression({}),
        regression({ id: '0123456789abcdef', library: 'sofa', state: 'expected-shift', note: 'new model', state_by: 'ana', state_at: '2026-12-01T11:00:00.000Z' }),
      ],
    }
    renderRoute('/regressions', '/regressions', <RegressionsPage />)
    const rows = await screen.findAllByRole('row')
    expect(rows).toHaveLength(2) // the header and the one open change
    expect(within(rows[1]).getByText(/libnova · gmst_era/)).toBeInTheDocument()
    expect(screen.queryByRole('form')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument()
    expect(screen.getByText(/This published site is read-only/)).toBeInTheDocument()
  })

  it('shows a state the lab set with its note and who set it', async () => {
    window.__astrobench = {
      '/api/regressions': [regression({ state: 'expected-shift', note: 'new model', state_by: 'ana', state_at: '2026-12-01T11:00:00.000Z' })],
    }
    renderRoute('/regressions?state=expected-shift', '/regressions', <RegressionsPage />)
    const row = (await screen.findAllByRole('row'))[1]
    expect(within(row).getByText('expected-shift')).toBeInTheDocument()
    expect(within(row).getByText(/new model/)).toBeInTheDocument()
    expect(within(row).getByText(/set by ana/)).toBeInTheDocument()
  })
})
