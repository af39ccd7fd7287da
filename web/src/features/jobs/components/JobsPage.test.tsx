import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { job } from '@/test/fixtures'
import { JobsPage } from './JobsPage'

afterEach(() => vi.unstubAllGlobals())

describe('JobsPage', () => {
  it('lists jobs newest first with status badges, duration, config, notes, View Logs and the run link', async () => {
    mockFetch({
      'GET /api/benchmark/jobs': () => ({
        body: {
          jobs: [
            job({ id: '000000000003', status: 'running', started_at: '2026-11-29T01:00:00.000Z' }),
            job({ id: '000000000002', status: 'cancelled', reason: 'cancelled by user', started_at: '2026-11-29T00:50:00.000Z', finished_at: '2026-11-29T00:50:04.000Z' }),
            job({ id: '000000000001', status: 'completed', run_id: '2026-11-29_00-40-00', notes: 'nightly', started_at: '2026-11-29T00:40:00.000Z', finished_at: '2026-11-29T00:41:30.000Z' }),
          ],
          total: 3,
          limit: 50,
          offset: 0,
        },
      }),
    })
    renderRoute('/jobs', '/jobs', <JobsPage />)
    const rows = await screen.findAllByRole('row')
    const body = rows.slice(1)
    expect(body.map((r) => r.getAttribute('data-job-id'))).toEqual(['000000000003', '000000000002', '000000000001'])
    expect(within(body[0]).getByText('Running')).toHaveAttribute('data-tone', 'blue')
    expect(within(body[1]).getByText('Cancelled')).toHaveAttribute('data-tone', 'orange')
    expect(within(body[2]).getByText('Completed')).toHaveAttribute('data-tone', 'green')
    expect(within(body[2]).getByText('1 min 30 s')).toBeInTheDocument()
    expect(within(body[2]).getByText('nightly')).toBeInTheDocument()
    expect(within(body[2]).getByRole('link', { name: '2026-11-29_00-40-00' })).toHaveAttribute('href', '/runs/2026-11-29_00-40-00')
    expect(within(body[1]).getByRole('link', { name: /View Logs/ })).toHaveAttribute('href', '/jobs/000000000002')
    expect(within(body[0]).getByText(/all experiments · all libraries · N=1000/)).toBeInTheDocument()
    expect(screen.getByText('1–3 of 3')).toBeInTheDocument()
  })
})
