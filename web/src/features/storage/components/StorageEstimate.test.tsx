import { useState } from 'react'
import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import type { StorageEstimateQuery } from '../api/getStorageEstimate'
import { ESTIMATE_DEBOUNCE_MS, StorageEstimate } from './StorageEstimate'

const estimate = (over: Record<string, unknown> = {}) => ({
  predicted_bytes: 5 * 1024 * 1024,
  bytes_per_case: 26.5,
  basis: 'history',
  free_bytes: 70 * 1024 ** 3,
  min_free_disk_mb: 512,
  would_refuse: false,
  detail: null,
  ...over,
})

const q = (n: number): StorageEstimateQuery => ({ n, experiments: ['gmst_era', 'kepler_solver'], libraries: null })

// The form's part: it hands the estimate new values as the user types.
let setQuery: (next: StorageEstimateQuery | null) => void = () => {}
function Form({ initial }: { initial: StorageEstimateQuery | null }) {
  const [query, set] = useState(initial)
  setQuery = set
  return <StorageEstimate query={query} />
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('StorageEstimate', () => {
  it('shows the predicted size and the free space for the form values', async () => {
    const m = mockFetch({ 'GET /api/storage/estimate': () => ({ body: estimate() }) })
    renderRoute('/', '/', <StorageEstimate query={q(1000)} />)

    const line = await screen.findByTestId('storage-estimate')
    expect(line).toHaveTextContent('Predicted size: 5 MiB')
    expect(line).toHaveTextContent('Free space: 70 GiB')
    expect(line).toHaveTextContent('from earlier runs, 26.5 bytes per case; 512 MiB must stay free')
    const url = m.calls[0].url
    expect([url.searchParams.get('n'), url.searchParams.get('experiments'), url.searchParams.has('libraries')]).toEqual(['1000', 'gmst_era,kepler_solver', false])
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('asks once the values have stopped changing, with the last values', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const m = mockFetch({ 'GET /api/storage/estimate': ({ url }) => ({ body: estimate({ predicted_bytes: Number(url.searchParams.get('n')) * 100 }) }) })
    renderRoute('/', '/', <Form initial={q(1)} />)
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)))
    expect(m.calls).toHaveLength(1)

    for (const n of [10, 100, 1000]) {
      act(() => setQuery(q(n)))
      await act(async () => void (await vi.advanceTimersByTimeAsync(ESTIMATE_DEBOUNCE_MS / 4)))
    }
    expect(m.calls).toHaveLength(1)
    await act(async () => void (await vi.advanceTimersByTimeAsync(ESTIMATE_DEBOUNCE_MS)))

    expect(m.calls.map((c) => c.url.searchParams.get('n'))).toEqual(['1', '1000'])
    // The answer arrives through promises and React Query's zero-delay notifications, all on the fake clock.
    await vi.waitFor(async () => {
      await act(async () => void (await vi.advanceTimersByTimeAsync(10)))
      expect(screen.getByTestId('storage-estimate')).toHaveTextContent('Predicted size: 98 KiB')
    })
  })

  it('warns when the server would refuse the start, with its reason', async () => {
    const detail = 'Not enough disk space for this job: 700 MB free on /lab/results, the job is predicted to write 4,689.8 MB, and 512 MB must stay free (AstroBench:MinFreeDiskMb).'
    mockFetch({ 'GET /api/storage/estimate': () => ({ body: estimate({ would_refuse: true, detail, basis: 'default' }) }) })
    renderRoute('/', '/', <StorageEstimate query={q(1000000)} />)

    const warning = await screen.findByRole('status')
    expect(within(warning).getByText('Not enough disk space for this run')).toBeInTheDocument()
    expect(warning).toHaveTextContent(detail)
    expect(screen.getByTestId('storage-estimate')).toHaveTextContent('no earlier runs yet: a measured default')
  })

  it('says why when no estimate can be made, and asks nothing for a form that describes no job', async () => {
    const m = mockFetch({
      'GET /api/storage/estimate': () => ({ status: 422, body: { title: 'The job cannot run here', detail: "unknown library 'nolib'" } }),
    })
    renderRoute('/', '/', <Form initial={q(10)} />)
    expect(await screen.findByText("Size estimate unavailable: unknown library 'nolib'")).toBeInTheDocument()

    act(() => setQuery(null))
    await waitFor(() => expect(screen.queryByText(/Size estimate/)).toBeNull())
    expect(m.calls).toHaveLength(1)
  })
})
