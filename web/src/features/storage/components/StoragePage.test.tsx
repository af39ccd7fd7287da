import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { StoragePage } from './StoragePage'

afterEach(() => vi.unstubAllGlobals())

const MB = 1024 * 1024
// GET /api/storage as the storage endpoint sends it (the lists are not read by this page).
const storage = {
  results_dir: '/lab/results',
  free_bytes: 300 * MB,
  capacity_bytes: 100 * 1024 * MB,
  min_free_disk_mb: 100,
  low_disk_warn_mb: 500,
  runs_count: 12,
  runs_bytes: 40 * MB,
  logs_count: 3,
  logs_bytes: 2 * MB,
  database_bytes: 1 * MB,
  total_bytes: 43 * MB,
  runs: [{ run_id: '2026-01-01_00-00-00', bytes: 1000, files: 3 }],
  logs: [{ job_id: 'a1b2c3d4e5f6', bytes: 100 }],
}
const rules = { keep_last: 10, max_age_days: null, max_total_mb: null, archive: false, archive_dir: null, logs_max_age_days: null, jobs_max_age_days: null }
const settings = { rules, source: 'settings', sweep_interval_minutes: 60, archive_path: '/lab/archive' }
const preview = {
  runs: [{ run_id: '2026-01-01_00-00-00', bytes: 3 * MB, rule: 'keep_last' }],
  bytes_freed: 3 * MB,
  runs_kept: 10,
  bytes_kept: 37 * MB,
  size_limit_met: true,
  logs: { count: 0, bytes: 0, job_ids: [] },
  jobs: { count: 0, bytes: 0, job_ids: [] },
  protected: [],
}

function show(overrides: Parameters<typeof mockFetch>[0] = {}) {
  const mock = mockFetch({
    'GET /api/storage': () => ({ body: storage }),
    'GET /api/retention': () => ({ body: settings }),
    'GET /api/retention/preview': () => ({ body: preview }),
    ...overrides,
  })
  renderRoute('/storage', '/storage', <StoragePage />)
  return mock
}

describe('StoragePage', () => {
  it('shows usage, free space with a low-disk warning, the rules and the preview', async () => {
    show()
    expect(await screen.findByText('300 MiB')).toBeInTheDocument()
    expect(screen.getByText('of 100 GiB')).toBeInTheDocument()
    expect(await screen.findByText(/Low disk space/)).toBeInTheDocument()
    expect(await screen.findByLabelText(/Keep the last N runs/)).toHaveValue('10')
    const table = await screen.findByRole('table', { name: 'Runs a sweep would remove' })
    expect(within(table).getByText('2026-01-01_00-00-00')).toBeInTheDocument()
    expect(within(table).getByText('beyond the last N')).toBeInTheDocument()
    expect(screen.getByTestId('preview-summary')).toHaveTextContent('1 run would go, freeing 3 MiB')
  })

  it('saves the rules with PUT and shows the 422 message beside each bad field', async () => {
    const { calls } = show({
      'PUT /api/retention': () => ({
        status: 422,
        body: { title: 'Invalid retention rules', detail: 'keep_last must be…', errors: { keep_last: ['keep_last must be between 1 and 10000000 runs; got 0.'] } },
      }),
    })
    const keep = await screen.findByLabelText(/Keep the last N runs/)
    fireEvent.change(keep, { target: { value: '0' } })
    fireEvent.change(screen.getByLabelText(/Maximum run age/), { target: { value: '30' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }))

    expect(await screen.findByText('keep_last must be between 1 and 10000000 runs; got 0.')).toBeInTheDocument()
    expect(keep).toHaveAttribute('aria-invalid', 'true')
    expect(keep).toHaveAccessibleDescription('keep_last must be between 1 and 10000000 runs; got 0.')
    expect(screen.getByRole('alert')).toHaveTextContent('Rules not saved')
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.body).toEqual({ ...rules, keep_last: 0, max_age_days: 30 })
  })

  it('sweeps now and reports what went', async () => {
    const { calls } = show({
      'POST /api/retention/sweep': () => ({
        body: {
          runs: [{ run_id: '2026-01-01_00-00-00', bytes: 3 * MB, rule: 'keep_last', outcome: 'removed', archive_path: null, error: null }],
          bytes_freed: 3 * MB,
          trash_finished: 0,
          logs: { count: 0, bytes: 0, job_ids: [] },
          jobs: { count: 0, bytes: 0, job_ids: [] },
        },
      }),
    })
    await screen.findByRole('table', { name: 'Runs a sweep would remove' })
    fireEvent.click(screen.getByRole('button', { name: 'Sweep now' }))

    expect(await screen.findByText(/Swept: 1 run removed, 3 MiB freed/)).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'POST' && c.url.pathname === '/api/retention/sweep')).toHaveLength(1)
  })
})
