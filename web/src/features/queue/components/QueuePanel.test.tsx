import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { job } from '@/test/fixtures'
import type { QueueEntry } from '../api/parseQueueEntry'
import { QueuePanel } from './QueuePanel'

afterEach(() => vi.unstubAllGlobals())

/** A compact queue entry exactly as GET /api/benchmark/queue writes it (docs/queue.md). */
const queued = (id: string, position: number, over: Partial<QueueEntry> = {}): QueueEntry => ({
  job_id: id,
  status: 'queued',
  created_at: '2026-11-29T01:02:03.000Z',
  config: job().config,
  priority: 0,
  concurrency_key: null,
  resource_class: 'timing',
  preempt: false,
  checkpoint: null,
  queue_position: position,
  estimated_start_at: null,
  ...over,
})

describe('QueuePanel', () => {
  it('lists the queue in dispatch order with position, priority, class, estimate and a grey Queued badge', async () => {
    mockFetch({
      'GET /api/benchmark/queue': () => ({
        body: [
          queued('00000000000b', 1, { priority: 10, concurrency_key: 'nightly', estimated_start_at: '2026-11-29T02:00:00.000Z' }),
          queued('00000000000a', 2, { resource_class: 'accuracy' }),
        ],
      }),
    })
    renderRoute('/run', '/run', <QueuePanel />)
    const table = await screen.findByRole('table', { name: 'Queued jobs in dispatch order' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => r.getAttribute('data-job-id'))).toEqual(['00000000000b', '00000000000a'])
    expect(within(rows[0]).getByRole('spinbutton', { name: 'Priority of job 00000000000b' })).toHaveValue(10)
    expect(within(rows[0]).getByText('key nightly')).toBeInTheDocument()
    expect(within(rows[0]).getByText('timing (exclusive)')).toBeInTheDocument()
    expect(within(rows[1]).getByText('accuracy')).toBeInTheDocument()
    expect(within(rows[1]).getByText('unknown')).toBeInTheDocument()
    expect(within(rows[0]).getByText('Queued')).toHaveAttribute('data-tone', 'grey')
    expect(screen.getByText('Queue (2)')).toBeInTheDocument()
  })

  it('sends a new priority on Enter and refreshes the queue', async () => {
    let priority = 0
    const m = mockFetch({
      'GET /api/benchmark/queue': () => ({ body: [queued('00000000000a', 1, { priority })] }),
      'PATCH /api/benchmark/jobs/00000000000a': ({ body }) => {
        priority = (body as { priority: number }).priority
        // PATCH answers the full job with its queue fields.
        return { body: { ...job({ job_id: '00000000000a' }), ...queued('00000000000a', 1, { priority }) } }
      },
    })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <QueuePanel />)
    const input = await screen.findByRole('spinbutton', { name: 'Priority of job 00000000000a' })
    await user.clear(input)
    await user.type(input, '42{Enter}')
    expect(m.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ priority: 42 })
    expect(await screen.findByDisplayValue('42')).toBeInTheDocument()
  })

  it('refuses an out-of-range priority without asking the server, and shows a 409 detail', async () => {
    const m = mockFetch({
      'GET /api/benchmark/queue': () => ({ body: [queued('00000000000a', 1)] }),
      'PATCH /api/benchmark/jobs/00000000000a': () => ({
        status: 409,
        body: { title: 'Job is not queued', detail: 'Job 00000000000a is running; only a queued job\'s priority can change.', job_status: 'running' },
      }),
    })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <QueuePanel />)
    const input = await screen.findByRole('spinbutton', { name: 'Priority of job 00000000000a' })
    await user.clear(input)
    await user.type(input, '500')
    expect(screen.getByText(/Priority must be a whole number from -100 to 100/)).toBeInTheDocument()
    await user.keyboard('{Enter}')
    expect(m.calls.some((c) => c.method === 'PATCH')).toBe(false)
    await user.clear(input)
    await user.type(input, '5{Enter}')
    expect(await screen.findByText(/is running; only a queued job's priority can change/)).toBeInTheDocument()
  })

  it('cancels a queued job', async () => {
    let cancelled = false
    const m = mockFetch({
      'GET /api/benchmark/queue': () => ({ body: cancelled ? [] : [queued('00000000000a', 1)] }),
      'POST /api/benchmark/jobs/00000000000a/cancel': () => {
        cancelled = true
        return { body: job({ job_id: '00000000000a', status: 'cancelled', reason: 'cancelled by user' }) }
      },
    })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <QueuePanel />)
    await user.click(await screen.findByRole('button', { name: 'Cancel job 00000000000a' }))
    expect(await screen.findByText(/The queue is empty/)).toBeInTheDocument()
    expect(m.calls.some((c) => c.method === 'POST' && c.url.pathname.endsWith('/cancel'))).toBe(true)
  })

  it('rejects a job without the queue fields: the server always sends them', async () => {
    mockFetch({ 'GET /api/benchmark/queue': () => ({ body: [job({ job_id: '00000000000a' })] }) })
    renderRoute('/run', '/run', <QueuePanel />)
    expect(await screen.findByText(/queue\[0\]\.priority/)).toBeInTheDocument()
  })

  it('shows the running and paused jobs above the queue with their Pause and Resume buttons', async () => {
    const m = mockFetch({
      'GET /api/benchmark/queue': () => ({ body: [queued('00000000000a', 1)] }),
      'GET /api/benchmark/jobs': () => ({
        body: [
          job({ job_id: '00000000000a', status: 'queued' }),
          job({ job_id: '00000000000b', status: 'running', started_at: '2026-11-29T01:00:00.000Z' }),
          job({ job_id: '00000000000c', status: 'paused', started_at: '2026-11-29T00:50:00.000Z' }),
          job({ job_id: '00000000000d', status: 'completed', started_at: '2026-11-29T00:40:00.000Z', finished_at: '2026-11-29T00:41:00.000Z' }),
        ],
        headers: { 'X-Total-Count': '4' },
      }),
      'POST /api/benchmark/jobs/00000000000b/pause': () => ({
        status: 202,
        body: { ...job({ job_id: '00000000000b', status: 'running' }), checkpoint: null, pause_requested: 'now', preempted_by: null },
      }),
    })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <QueuePanel />)
    const table = await screen.findByRole('table', { name: 'Running and paused jobs' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => r.getAttribute('data-job-id'))).toEqual(['00000000000b', '00000000000c'])
    expect(within(rows[1]).getByRole('button', { name: 'Resume job 00000000000c' })).toBeEnabled()
    await user.click(within(rows[0]).getByRole('button', { name: 'Pause now job 00000000000b' }))
    expect(await within(rows[0]).findByRole('status')).toHaveTextContent('Pausing now')
    expect(m.calls.find((c) => c.url.pathname.endsWith('/pause'))?.url.searchParams.get('mode')).toBe('now')
    expect(within(screen.getByRole('table', { name: 'Queued jobs in dispatch order' })).queryByRole('button', { name: /Pause|Resume/ })).toBeNull()
  })

  it('rejects a queue entry of another shape: a full job with a null position is not an entry', async () => {
    mockFetch({ 'GET /api/benchmark/queue': () => ({ body: [{ ...queued('00000000000a', 1), queue_position: null }] }) })
    renderRoute('/run', '/run', <QueuePanel />)
    expect(await screen.findByText(/queue\[0\]\.queue_position/)).toBeInTheDocument()
  })
})
