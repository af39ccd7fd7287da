import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeWebSocket, mockFetch, renderRoute } from '@/test/utils'
import { adapters, experiments, job, limits } from '@/test/fixtures'
import type { Job } from '@/lib/types'
import { REDIRECT_DELAY_MS, RunBenchmarksPage } from './RunBenchmarksPage'

const ID = 'abcdef012345'

function api(over: Record<string, Parameters<typeof mockFetch>[0][string]> = {}) {
  let current: Job | null = null
  const m = mockFetch({
    'GET /api/experiments': () => ({ body: experiments }),
    'GET /api/adapters': () => ({ body: adapters }),
    'GET /api/limits': () => ({ body: limits }),
    'GET /api/benchmark/active': () => (current ? { body: current } : { status: 204 }),
    'POST /api/benchmark/start': () => {
      current = job({ status: 'queued' })
      return { body: current }
    },
    [`GET /api/benchmark/jobs/${ID}`]: () => ({ body: current ?? job() }),
    [`GET /api/benchmark/jobs/${ID}/logs`]: () => ({ body: { lines: ['first line'], from: 0, next: 1, total: 1 } }),
    [`POST /api/benchmark/jobs/${ID}/cancel`]: () => ({ body: job({ status: 'cancelling' }) }),
    ...over,
  })
  return m
}

const runButton = () => screen.getByRole('button', { name: /run benchmark|starting|running/i })

async function openSocket() {
  await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(0))
  const ws = FakeWebSocket.last()
  act(() => ws.open())
  return ws
}

// Only the clocks the page uses; React's scheduler and promises keep running.
const fakeClocks = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
/** Moves the fake clock and lets whatever it released (fetches, query notifications, renders) settle. */
const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)))

beforeEach(() => {
  FakeWebSocket.reset()
  vi.stubGlobal('WebSocket', FakeWebSocket)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('RunBenchmarksPage', () => {
  it('idle: Run enabled, no spinner, no Cancel button; unavailable libraries disabled with why', async () => {
    api()
    renderRoute('/run', '/run', <RunBenchmarksPage />)
    await screen.findByText(/All experiments \(2\)/)
    expect(runButton()).toBeEnabled()
    expect(screen.queryByTestId('run-spinner')).toBeNull()
    expect(screen.queryByRole('button', { name: /cancel execution/i })).toBeNull()
    expect(await screen.findByText(/Unavailable: python3 module skyfield not installed/)).toBeInTheDocument()
  })

  it('shows a loading state until GET /api/limits answers, then uses its defaults and limits', async () => {
    let releaseLimits: () => void = () => {}
    const served = { ...limits, n: { min: 1, max: 5000, default: 250 }, seed: { min: 0, max: 99, default: 7 } }
    api({ 'GET /api/limits': () => new Promise((res) => (releaseLimits = () => res({ body: served }))) })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <RunBenchmarksPage />)
    expect(await screen.findByRole('status')).toHaveTextContent('Loading the run limits…')
    expect(screen.queryByRole('button', { name: /run benchmark/i })).toBeNull()
    act(() => releaseLimits())
    const n = await screen.findByLabelText(/^N \(cases/)
    expect(n).toHaveValue('250')
    expect(screen.getByLabelText('Seed')).toHaveValue('7')
    await user.clear(n)
    await user.type(n, '5001')
    await user.click(runButton())
    expect(screen.getByText('N must be between 1 and 5,000.')).toBeInTheDocument()
  })

  it('says so when the limits cannot be loaded', async () => {
    api({ 'GET /api/limits': () => ({ status: 500, body: { title: 'boom', status: 500 } }) })
    renderRoute('/run', '/run', <RunBenchmarksPage />)
    expect(await screen.findByText('Could not load the run limits')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /run benchmark/i })).toBeNull()
  })

  it('rejects a job shape the server never sends (an "id" instead of "job_id")', async () => {
    const { job_id, ...rest } = job({ status: 'queued' })
    api({ 'POST /api/benchmark/start': () => ({ body: { id: job_id, ...rest } }) })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <RunBenchmarksPage />)
    await screen.findByText(/All experiments \(2\)/)
    await user.click(runButton())
    expect(await screen.findByText(/job\.job_id should be a job id/)).toBeInTheDocument()
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/run$/)
  })

  it('runs through starting → running → cancelling → cancelled', async () => {
    let releaseStart: () => void = () => {}
    let releaseCancel: () => void = () => {}
    let status: Job['status'] = 'queued'
    api({
      [`GET /api/benchmark/jobs/${ID}`]: () => ({ body: job({ status }) }),
      'POST /api/benchmark/start': () =>
        new Promise((res) => {
          releaseStart = () => res({ body: job({ status: 'queued' }) })
        }),
      [`POST /api/benchmark/jobs/${ID}/cancel`]: () =>
        new Promise((res) => {
          releaseCancel = () => res({ body: job({ status: 'cancelling' }) })
        }),
    })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <RunBenchmarksPage />)
    await screen.findByText(/All experiments \(2\)/)

    await user.click(runButton())
    // starting: disabled + spinner while the request is in flight
    expect(runButton()).toBeDisabled()
    expect(runButton()).toHaveTextContent('Starting...')
    expect(screen.getByTestId('run-spinner')).toHaveClass('animate-spin')
    act(() => releaseStart())

    const ws = await openSocket()
    expect(ws.url).toContain(`/api/benchmark/ws/${ID}?from=1`)
    act(() => {
      ws.send({ type: 'status', status: 'running', reason: null })
      ws.send({ type: 'progress', experiments_done: 3, experiments_total: 7, current_experiment: 'gmst_era', current_step: 'perf', percent: 45 })
      ws.send({ type: 'log', line: 'second line', n: 1 })
    })

    // running: disabled with reduced opacity + not-allowed cursor, spinner, red Cancel with X icon
    const cancel = await screen.findByRole('button', { name: /cancel execution/i })
    expect(runButton()).toBeDisabled()
    expect(runButton().className).toMatch(/disabled:opacity-50/)
    expect(runButton().className).toMatch(/disabled:cursor-not-allowed/)
    expect(screen.getByTestId('run-spinner')).toBeInTheDocument()
    expect(cancel.className).toMatch(/bg-red-600/)
    expect(cancel.querySelector('svg')).not.toBeNull()
    expect(screen.getByTestId('job-status-line')).toHaveTextContent(ID)
    expect(screen.getByTestId('job-status-line')).toHaveTextContent('Running')
    expect(screen.getByTestId('progress-text')).toHaveTextContent('3/7 experiments complete')
    expect(screen.getByText(/step/)).toHaveTextContent('gmst_era')
    expect(await screen.findByText('second line')).toBeInTheDocument()

    // cancel: "Cancelling..." and disabled while in flight (no double click)
    await user.click(cancel)
    const cancelling = screen.getByRole('button', { name: /cancelling/i })
    expect(cancelling).toBeDisabled()
    await user.click(cancelling)
    act(() => releaseCancel())
    await waitFor(() => expect(screen.getByTestId('job-status-line')).toHaveTextContent('Cancelling'))
    expect(screen.getByRole('button', { name: /cancelling/i })).toBeDisabled()

    status = 'cancelled'
    act(() => {
      ws.send({ type: 'log', line: 'Benchmark execution cancelled by user.', n: 2 })
      ws.send({ type: 'log', line: '__CANCELLED__', n: 3 })
      ws.send({ type: 'status', status: 'cancelled', reason: 'cancelled by user' })
      ws.send({ type: 'done', status: 'cancelled', exit_code: 143, run_id: null, reason: 'cancelled by user' })
      ws.close()
    })
    // cancelled: message, Run re-enabled, Cancel gone
    await waitFor(() => expect(screen.getAllByText('Benchmark execution cancelled by user.').length).toBe(2))
    expect(runButton()).toBeEnabled()
    expect(runButton()).toHaveTextContent('Run Benchmark')
    expect(screen.queryByRole('button', { name: /cancel/i })).toBeNull()
    expect(screen.queryByTestId('run-spinner')).toBeNull()
  })

  it('shows a 409 as a clear message with a link to the active job', async () => {
    api({
      'POST /api/benchmark/start': () => ({
        status: 409,
        body: { title: 'A benchmark job is already active', status: 409, active_job_id: 'fedcba987654', active_status: 'running' },
      }),
    })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <RunBenchmarksPage />)
    await screen.findByText(/All experiments \(2\)/)
    await user.click(runButton())
    const alert = await screen.findByText('A benchmark is already running')
    const link = within(alert.closest('[role]') as HTMLElement).getByRole('link', { name: /fedcba987654/ })
    expect(link).toHaveAttribute('href', '/run?job=fedcba987654')
    expect(runButton()).toBeEnabled()
  })

  it('shows 422 field messages inline', async () => {
    api({
      'POST /api/benchmark/start': () => ({ status: 422, body: { title: 'Validation failed', status: 422, errors: { n: ['n must be between 1 and 1000000.'] } } }),
    })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <RunBenchmarksPage />)
    await screen.findByText(/All experiments \(2\)/)
    await user.click(runButton())
    expect(await screen.findByText('n must be between 1 and 1000000.')).toBeInTheDocument()
    expect(screen.getByLabelText(/^N \(cases/)).toHaveAttribute('aria-invalid', 'true')
  })

  it('validates inline before sending anything', async () => {
    const m = api()
    const user = userEvent.setup()
    renderRoute('/run', '/run', <RunBenchmarksPage />)
    await screen.findByText(/All experiments \(2\)/)
    const n = screen.getByLabelText(/^N \(cases/)
    await user.clear(n)
    await user.type(n, '0')
    await user.click(runButton())
    expect(screen.getByText(/N must be between 1 and 1,000,000/)).toBeInTheDocument()
    expect(m.calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('failed: error message with the reason, Run re-enabled', async () => {
    api({ [`GET /api/benchmark/jobs/${ID}`]: () => ({ body: job({ status: 'running' }) }) })
    renderRoute(`/run?job=${ID}`, '/run', <RunBenchmarksPage />)
    const ws = await openSocket()
    await screen.findByRole('button', { name: /cancel execution/i })
    act(() => {
      ws.send({ type: 'status', status: 'failed', reason: "exit code 2: unknown library 'foo'" })
      ws.send({ type: 'done', status: 'failed', exit_code: 2, run_id: null, reason: "exit code 2: unknown library 'foo'" })
    })
    expect(await screen.findByText(/Benchmark failed \(exit code 2: unknown library 'foo'\)/)).toBeInTheDocument()
    expect(runButton()).toBeEnabled()
  })

  it('completed: success message, then redirect to the run dashboard after 2 s (not before)', async () => {
    let status: Job['status'] = 'running'
    api({ [`GET /api/benchmark/jobs/${ID}`]: () => ({ body: job({ status, run_id: status === 'completed' ? '2026-11-29_01-02-03' : null }) }) })
    renderRoute(`/run?job=${ID}`, '/run', <RunBenchmarksPage />)
    const ws = await openSocket()
    await screen.findByRole('button', { name: /cancel execution/i })
    status = 'completed'
    fakeClocks()
    act(() => ws.send({ type: 'done', status: 'completed', exit_code: 0, run_id: '2026-11-29_01-02-03', reason: null }))
    await advance(0)
    expect(screen.getByText('Benchmark completed successfully.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '2026-11-29_01-02-03' })).toBeInTheDocument()
    expect(screen.getByText(/opening the dashboard in 2 s/)).toBeInTheDocument()
    await advance(REDIRECT_DELAY_MS - 1)
    expect(screen.getByTestId('location')).toHaveTextContent(`/run?job=${ID}`)
    await advance(1)
    expect(screen.getByTestId('location')).toHaveTextContent('/runs/2026-11-29_01-02-03')
  })

  it('does not redirect after a completion it did not see live', async () => {
    api({ [`GET /api/benchmark/jobs/${ID}`]: () => ({ body: job({ status: 'completed', run_id: '2026-11-29_01-02-03' }) }) })
    renderRoute(`/run?job=${ID}`, '/run', <RunBenchmarksPage />)
    expect(await screen.findByText('Benchmark completed successfully.')).toBeInTheDocument()
    fakeClocks()
    await advance(10 * REDIRECT_DELAY_MS)
    expect(screen.getByTestId('location')).toHaveTextContent(`/run?job=${ID}`)
  })

  it('re-attaches to the active job when opened without ?job=, resuming the log after the tail', async () => {
    api({
      'GET /api/benchmark/active': () => ({ body: job({ status: 'running' }) }),
      [`GET /api/benchmark/jobs/${ID}`]: () => ({ body: job({ status: 'running' }) }),
      [`GET /api/benchmark/jobs/${ID}/logs`]: () => ({ body: { lines: ['l40', 'l41'], from: 40, next: 42, total: 42 } }),
    })
    renderRoute('/run', '/run', <RunBenchmarksPage />)
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/run?job=${ID}`))
    const ws = await openSocket()
    expect(ws.url).toContain('from=42')
    expect(await screen.findByText('l41')).toBeInTheDocument()
    expect(screen.getByText(/40 earlier lines not shown/)).toBeInTheDocument()
  })

  it('shows "reconnecting…" when the socket drops and resumes from the last line seen', async () => {
    api({ [`GET /api/benchmark/jobs/${ID}`]: () => ({ body: job({ status: 'running' }) }) })
    renderRoute(`/run?job=${ID}`, '/run', <RunBenchmarksPage />)
    const ws = await openSocket()
    act(() => {
      ws.send({ type: 'log', line: 'a', n: 1 })
      ws.send({ type: 'log', line: 'b', n: 2 })
    })
    await screen.findByText('b')
    fakeClocks()
    act(() => ws.drop())
    expect(screen.getByText('reconnecting…')).toBeInTheDocument()
    // the first retry waits the first backoff step (250 ms), then resumes
    await advance(249)
    expect(FakeWebSocket.instances).toHaveLength(1)
    await advance(1)
    expect(FakeWebSocket.instances).toHaveLength(2)
    vi.useRealTimers()
    const ws2 = FakeWebSocket.last()
    expect(ws2.url).toContain('from=3')
    act(() => {
      ws2.open()
      ws2.send({ type: 'log', line: 'b', n: 2 }) // a duplicate is ignored
      ws2.send({ type: 'log', line: 'c', n: 3 })
    })
    await screen.findByText('c')
    expect(screen.queryByText('reconnecting…')).toBeNull()
    expect(screen.getAllByText('b')).toHaveLength(1)
  })
})
