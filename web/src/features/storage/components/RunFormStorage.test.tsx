import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeWebSocket, mockFetch, renderRoute } from '@/test/utils'
import { adapters, experiments, limits } from '@/test/fixtures'
import { RunBenchmarksPage } from '@/features/jobs/components/RunBenchmarksPage'

// The Run Benchmarks page with the storage pieces: the estimate under the form, and a 507 from start.
function api(start: () => { status: number; body: unknown }) {
  return mockFetch({
    'GET /api/experiments': () => ({ body: experiments }),
    'GET /api/adapters': () => ({ body: adapters }),
    'GET /api/limits': () => ({ body: limits }),
    'GET /api/benchmark/active': () => ({ status: 204 }),
    'GET /api/benchmark/queue': () => ({ body: [] }),
    'GET /api/storage/estimate': ({ url }) => ({
      body: {
        predicted_bytes: Number(url.searchParams.get('n')) * 40,
        bytes_per_case: 40,
        basis: 'default',
        free_bytes: 1024 ** 3,
        min_free_disk_mb: 512,
        would_refuse: false,
        detail: null,
      },
    }),
    'POST /api/benchmark/start': start,
  })
}

beforeEach(() => {
  FakeWebSocket.reset()
  vi.stubGlobal('WebSocket', FakeWebSocket)
})
afterEach(() => vi.unstubAllGlobals())

describe('Run Benchmarks page: disk space', () => {
  it('shows the predicted size for the current form values', async () => {
    const m = api(() => ({ status: 500, body: {} }))
    const user = userEvent.setup()
    renderRoute('/run', '/run', <RunBenchmarksPage />)

    expect(await screen.findByTestId('storage-estimate')).toHaveTextContent('Predicted size: 39 KiB')
    const n = screen.getByLabelText(/^N \(cases/)
    await user.clear(n)
    await user.type(n, '2000')

    await waitFor(() => expect(screen.getByTestId('storage-estimate')).toHaveTextContent('Predicted size: 78 KiB'))
    const asked = m.calls.filter((c) => c.url.pathname === '/api/storage/estimate').map((c) => c.url.searchParams.get('n'))
    // (How often it asked while typing depends on typing speed; debouncing is tested on a fake clock in StorageEstimate.test.tsx.)
    expect(asked[asked.length - 1]).toBe('2000')
  })

  it('a 507 from start shows its detail', async () => {
    const detail = 'Not enough disk space for this job: 600 MB free on /lab/results, the job is predicted to write 200 MB, and 512 MB must stay free (AstroBench:MinFreeDiskMb).'
    api(() => ({ status: 507, body: { title: 'Not enough disk space', status: 507, detail } }))
    const user = userEvent.setup()
    renderRoute('/run', '/run', <RunBenchmarksPage />)

    await user.click(await screen.findByRole('button', { name: /run benchmark/i }))

    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('Not enough disk space')).toBeInTheDocument()
    expect(alert).toHaveTextContent(detail)
  })
})
