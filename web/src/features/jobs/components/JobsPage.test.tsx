import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { job } from '@/test/fixtures'
import { JobsPage } from './JobsPage'

afterEach(() => vi.unstubAllGlobals())

// The page also shows the queue (GET /api/benchmark/queue): these tests are about the history's requests.
const historyCalls = (m: ReturnType<typeof mockFetch>) => m.calls.filter((c) => c.url.pathname === '/api/benchmark/jobs')

describe('JobsPage', () => {
  it('lists jobs newest first with status badges, duration, config, notes, View Logs and the run link', async () => {
    const m = mockFetch({
      'GET /api/benchmark/jobs': () => ({
        body: [
          job({ job_id: '000000000003', status: 'running', started_at: '2026-11-29T01:00:00.000Z' }),
          job({ job_id: '000000000002', status: 'cancelled', reason: 'cancelled by user', started_at: '2026-11-29T00:50:00.000Z', finished_at: '2026-11-29T00:50:04.000Z' }),
          job({ job_id: '000000000001', status: 'completed', run_id: '2026-11-29_00-40-00', notes: 'nightly', started_at: '2026-11-29T00:40:00.000Z', finished_at: '2026-11-29T00:41:30.000Z' }),
        ],
        headers: { 'X-Total-Count': '3' },
      }),
    })
    renderRoute('/jobs', '/jobs', <JobsPage />)
    const rows = within(await screen.findByRole('table', { name: 'Benchmark jobs' })).getAllByRole('row')
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
    expect(Object.fromEntries(historyCalls(m)[0].url.searchParams)).toEqual({ order: 'desc', limit: '50', offset: '0' })
  })

  it('pages through the history with limit/offset, the total from X-Total-Count', async () => {
    const all = Array.from({ length: 120 }, (_, i) => job({ job_id: (120 - i).toString(16).padStart(12, '0'), status: 'completed' }))
    const m = mockFetch({
      'GET /api/benchmark/jobs': ({ url }) => {
        const limit = Number(url.searchParams.get('limit'))
        const offset = Number(url.searchParams.get('offset'))
        return { body: all.slice(offset, offset + limit), headers: { 'X-Total-Count': '120' } }
      },
    })
    const user = userEvent.setup()
    renderRoute('/jobs', '/jobs', <JobsPage />)
    expect(await screen.findByText('1–50 of 120')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /Newer/ })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: /Older/ }))
    expect(await screen.findByText('51–100 of 120')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: /Older/ }))
    expect(await screen.findByText('101–120 of 120')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /Older/ })).toBeDisabled()
    expect(historyCalls(m).map((c) => c.url.searchParams.get('offset'))).toEqual(['0', '50', '100'])
    expect(historyCalls(m).every((c) => c.url.searchParams.get('order') === 'desc')).toBe(true)
  })

  it('rejects a page object: the server answers a plain array', async () => {
    mockFetch({
      'GET /api/benchmark/jobs': () => ({ body: { jobs: [job()], total: 1 }, headers: { 'X-Total-Count': '1' } }),
    })
    renderRoute('/jobs', '/jobs', <JobsPage />)
    expect(await screen.findByText(/jobs should be an array/)).toBeInTheDocument()
  })

  it('rejects an answer without X-Total-Count', async () => {
    mockFetch({ 'GET /api/benchmark/jobs': () => ({ body: [job()] }) })
    renderRoute('/jobs', '/jobs', <JobsPage />)
    expect(await screen.findByText(/X-Total-Count should be a whole number/)).toBeInTheDocument()
  })

  it('has Pause and Pause now on a running job and Resume on a paused one, in the history rows', async () => {
    const m = mockFetch({
      'GET /api/benchmark/jobs': () => ({
        body: [
          job({ job_id: '000000000003', status: 'running', started_at: '2026-11-29T01:00:00.000Z' }),
          job({ job_id: '000000000002', status: 'paused', started_at: '2026-11-29T00:50:00.000Z' }),
          job({ job_id: '000000000001', status: 'completed', started_at: '2026-11-29T00:40:00.000Z', finished_at: '2026-11-29T00:41:30.000Z' }),
        ],
        headers: { 'X-Total-Count': '3' },
      }),
      'POST /api/benchmark/jobs/000000000003/pause': () => ({
        status: 202,
        body: { ...job({ job_id: '000000000003', status: 'running' }), checkpoint: null, pause_requested: 'boundary', preempted_by: null },
      }),
      'POST /api/benchmark/jobs/000000000002/resume': () => ({
        body: { ...job({ job_id: '000000000002', status: 'queued' }), checkpoint: '/lab/results/.staging/x', pause_requested: null, preempted_by: null },
      }),
    })
    const user = userEvent.setup()
    renderRoute('/jobs', '/jobs', <JobsPage />)
    const history = await screen.findByRole('table', { name: 'Benchmark jobs' })
    const [running, paused, completed] = within(history).getAllByRole('row').slice(1)
    expect(within(running).getByRole('button', { name: 'Pause now job 000000000003' })).toBeEnabled()
    expect(within(running).queryByRole('button', { name: /Resume/ })).toBeNull()
    expect(within(completed).queryByRole('button')).toBeNull()
    await user.click(within(running).getByRole('button', { name: 'Pause job 000000000003' }))
    expect(await within(running).findByRole('status')).toHaveTextContent('Pausing after the current experiment')
    expect(m.calls.find((c) => c.url.pathname.endsWith('/pause'))?.url.searchParams.get('mode')).toBe('boundary')
    expect(within(paused).queryByRole('button', { name: /^Pause/ })).toBeNull()
    await user.click(within(paused).getByRole('button', { name: 'Resume job 000000000002' }))
    expect(m.calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/benchmark/jobs/000000000002/resume')).toBe(true)
  })
})
