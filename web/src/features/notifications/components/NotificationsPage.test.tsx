import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import type { Delivery, NotificationEndpoint } from '../api/parse'
import { NotificationsPage } from './NotificationsPage'

afterEach(() => vi.unstubAllGlobals())

const TYPES = ['job.completed', 'job.failed', 'job.cancelled', 'job.paused', 'run.published', 'disk.low', 'regression.detected']

const endpoint = (over: Partial<NotificationEndpoint> = {}): NotificationEndpoint => ({
  id: 'a1b2c3d4e5f6', kind: 'webhook', name: 'CI', url: 'https://ci.example.org/hook', recipients: [], has_secret: true,
  event_types: ['job.failed'], notes_contains: null, tags: ['nightly'], enabled: true,
  created_at: '2026-12-01T09:58:00.000Z', updated_at: '2026-12-01T09:58:00.000Z', ...over,
})

const delivery = (over: Partial<Delivery> = {}): Delivery => ({
  id: 1, event_id: '019ad9e0c43b7c2a9e1f4b5d6a7c8e90', event_type: 'job.failed', status: 'delivered', attempts: 3, rounds: 0,
  next_attempt_at: '2026-12-01T10:00:04.880Z', created_at: '2026-12-01T10:00:04.880Z', delivered_at: '2026-12-01T10:00:05.012Z',
  last_status_code: 200, last_error: null,
  attempt_log: [
    { attempt: 1, at: '2026-12-01T10:00:04.885Z', status_code: 500, duration_ms: 3.14, error: 'HTTP 500 Internal Server Error' },
    { attempt: 2, at: '2026-12-01T10:00:05.890Z', status_code: null, duration_ms: 10000, error: 'timed out or cancelled' },
    { attempt: 3, at: '2026-12-01T10:00:07.930Z', status_code: 200, duration_ms: 1.9, error: null },
  ],
  ...over,
})

const routes = (list: NotificationEndpoint[]) => ({
  'GET /api/notifications/endpoints': () => ({ body: list }),
  'GET /api/notifications/event-types': () => ({ body: TYPES }),
})

describe('NotificationsPage', () => {
  it('lists endpoints with their target, filters and whether a secret is set', async () => {
    mockFetch(routes([endpoint(), endpoint({ id: '0000000000e1', kind: 'email', name: 'Ops', url: null, recipients: ['ops@example.org'], has_secret: false, event_types: [], tags: [] })]))
    renderRoute('/notifications', '/notifications', <NotificationsPage />)
    const rows = (await screen.findAllByRole('row')).slice(1)
    expect(within(rows[0]).getByText('https://ci.example.org/hook')).toBeInTheDocument()
    expect(within(rows[0]).getByText('secret set')).toBeInTheDocument()
    expect(within(rows[0]).getByText('job.failed · #nightly')).toBeInTheDocument()
    expect(within(rows[1]).getByText('ops@example.org')).toBeInTheDocument()
    expect(within(rows[1]).getByText('all events')).toBeInTheDocument()
  })

  it('creates a webhook with a secret, event types and tags', async () => {
    const m = mockFetch({ ...routes([]), 'POST /api/notifications/endpoints': ({ body }) => ({ status: 201, body: endpoint(body as Partial<NotificationEndpoint>) }) })
    const user = userEvent.setup()
    renderRoute('/notifications', '/notifications', <NotificationsPage />)
    await user.click(await screen.findByRole('button', { name: 'New endpoint' }))
    const form = screen.getByRole('form', { name: 'New endpoint' })
    await user.type(within(form).getByLabelText('URL'), 'https://ci.example.org/hook')
    await user.type(within(form).getByLabelText('Secret'), 'shh')
    await user.click(await within(form).findByRole('checkbox', { name: 'job.failed' }))
    await user.type(within(form).getByLabelText('Tags'), '#nightly')
    await user.click(within(form).getByRole('button', { name: 'Create endpoint' }))
    const post = await vi.waitFor(() => m.calls.find((c) => c.method === 'POST') ?? Promise.reject(new Error('no POST yet')))
    expect(post.body).toMatchObject({ kind: 'webhook', url: 'https://ci.example.org/hook', secret: 'shh', event_types: ['job.failed'], tags: ['nightly'] })
  })

  it('edits without sending the secret unless it is replaced, and shows 422 messages by field', async () => {
    const m = mockFetch({
      ...routes([endpoint()]),
      'PATCH /api/notifications/endpoints/a1b2c3d4e5f6': () => ({
        status: 422,
        body: { title: 'Invalid notification endpoint', detail: 'url must be an absolute http:// or https:// URL.', errors: { url: ['url must be an absolute http:// or https:// URL.'] } },
      }),
    })
    const user = userEvent.setup()
    renderRoute('/notifications', '/notifications', <NotificationsPage />)
    await user.click(await screen.findByRole('button', { name: 'Edit CI' }))
    const form = screen.getByRole('form', { name: 'Edit CI' })
    expect(within(form).getByLabelText('Replace secret')).toHaveValue('')
    await user.clear(within(form).getByLabelText('URL'))
    await user.type(within(form).getByLabelText('URL'), 'ftp://x')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    expect(await within(form).findAllByText('url must be an absolute http:// or https:// URL.')).not.toHaveLength(0)
    const patch = m.calls.find((c) => c.method === 'PATCH')!
    expect(patch.body).not.toHaveProperty('secret')
  })

  it('sends a test and shows the delivery log with attempts, status codes and durations', async () => {
    const m = mockFetch({
      ...routes([endpoint()]),
      'POST /api/notifications/endpoints/a1b2c3d4e5f6/test': () => ({ status: 202, body: delivery({ status: 'pending', attempts: 0, attempt_log: [], event_type: 'test' }) }),
      'GET /api/notifications/endpoints/a1b2c3d4e5f6/deliveries': () => ({ body: [delivery()] }),
    })
    const user = userEvent.setup()
    renderRoute('/notifications', '/notifications', <NotificationsPage />)
    await user.click(await screen.findByRole('button', { name: 'Send test to CI' }))
    expect(await screen.findByText(/Test event 019ad9e0c43b7c2a9e1f4b5d6a7c8e90 queued/)).toBeInTheDocument()
    const log = await screen.findByRole('table', { name: 'Delivery log of CI' })
    const row = within(log).getAllByRole('row')[1]
    expect(within(row).getByText('delivered')).toBeInTheDocument()
    expect(within(row).getByText('#1: 500 in 3.1 ms (HTTP 500 Internal Server Error)')).toBeInTheDocument()
    expect(within(row).getByText('#2: no answer in 10000.0 ms (timed out or cancelled)')).toBeInTheDocument()
    expect(within(row).getByText('#3: 200 in 1.9 ms')).toBeInTheDocument()
    expect(m.calls.some((c) => c.method === 'POST' && c.url.pathname.endsWith('/test'))).toBe(true)
  })

  it('rejects an endpoint that carries its secret', async () => {
    mockFetch(routes([{ ...endpoint(), secret: 'leak' } as NotificationEndpoint]))
    renderRoute('/notifications', '/notifications', <NotificationsPage />)
    expect(await screen.findByText(/secret should be absent/)).toBeInTheDocument()
  })
})
