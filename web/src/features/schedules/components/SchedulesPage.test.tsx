import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import type { Schedule } from '../api/parse'
import { SchedulesPage } from './SchedulesPage'

afterEach(() => vi.unstubAllGlobals())

const schedule = (over: Partial<Schedule> = {}): Schedule => ({
  id: '5c1e0a9b2f34', name: 'nightly accuracy', cron: '0 3 * * 1-5',
  job: { experiments: ['gmst_era'], libraries: ['libnova'], n: 1000, seed: 42, perf_rounds: 5, no_perf: true, ci_mode: false, notes: null },
  priority: 5, concurrency_key: 'schedule:5c1e0a9b2f34', enabled: true, created_at: '2026-12-01T12:00:30.000Z',
  next_occurrences: ['2026-12-02T03:00:00.000Z', '2026-12-03T03:00:00.000Z', '2026-12-04T03:00:00.000Z', '2026-12-07T03:00:00.000Z', '2026-12-08T03:00:00.000Z'],
  last_fired_at: '2026-12-01T03:00:00.000Z', last_job_id: '3f9a0c12b4de', ...over,
})

const CRON_ERROR = "cron 'every day' is not a valid 5-field expression (minute hour day-of-month month day-of-week, UTC): bad"

describe('SchedulesPage', () => {
  it('lists schedules with their next occurrences in UTC and the last fire', async () => {
    mockFetch({ 'GET /api/schedules': () => ({ body: [schedule(), schedule({ id: '0000000000a2', name: 'weekly', enabled: false, next_occurrences: [], last_fired_at: null, last_job_id: null })] }) })
    renderRoute('/schedules', '/schedules', <SchedulesPage />)
    const rows = (await screen.findAllByRole('row')).slice(1)
    const next = within(rows[0]).getByRole('list', { name: 'Next occurrences of nightly accuracy' })
    expect(within(next).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2026-12-02 03:00 UTC', '2026-12-03 03:00 UTC', '2026-12-04 03:00 UTC', '2026-12-07 03:00 UTC', '2026-12-08 03:00 UTC',
    ])
    expect(within(rows[0]).getByRole('link', { name: 'job 3f9a0c12b4de' })).toHaveAttribute('href', '/jobs/3f9a0c12b4de')
    expect(within(rows[1]).getByText('disabled')).toBeInTheDocument()
    expect(within(rows[1]).getByText('never')).toBeInTheDocument()
  })

  it('shows the server\'s cron message on a 422, then creates the schedule', async () => {
    let attempt = 0
    const m = mockFetch({
      'GET /api/schedules': () => ({ body: [] }),
      'POST /api/schedules': () =>
        ++attempt === 1
          ? { status: 422, body: { title: 'Invalid schedule', detail: CRON_ERROR, errors: { cron: [CRON_ERROR] } } }
          : { status: 201, body: schedule() },
    })
    const user = userEvent.setup()
    renderRoute('/schedules', '/schedules', <SchedulesPage />)
    await user.click(await screen.findByRole('button', { name: 'New schedule' }))
    const form = screen.getByRole('form', { name: 'New schedule' })
    await user.type(within(form).getByLabelText('Name'), 'nightly accuracy')
    await user.type(within(form).getByLabelText('Cron (UTC)'), 'every day')
    await user.type(within(form).getByLabelText('Experiments'), 'gmst_era')
    await user.click(within(form).getByRole('button', { name: 'Create schedule' }))
    expect(await within(form).findAllByText(CRON_ERROR)).not.toHaveLength(0)
    await user.clear(within(form).getByLabelText('Cron (UTC)'))
    await user.type(within(form).getByLabelText('Cron (UTC)'), '0 3 * * 1-5')
    await user.click(within(form).getByRole('button', { name: 'Create schedule' }))
    await vi.waitFor(() => expect(screen.queryByRole('form', { name: 'New schedule' })).not.toBeInTheDocument())
    const posts = m.calls.filter((c) => c.method === 'POST')
    expect(posts[1].body).toMatchObject({ name: 'nightly accuracy', cron: '0 3 * * 1-5', job: { experiments: ['gmst_era'], no_perf: true }, priority: 0 })
  })

  it('disables, enables and deletes', async () => {
    const m = mockFetch({
      'GET /api/schedules': () => ({ body: [schedule(), schedule({ id: '0000000000a2', name: 'weekly', enabled: false, next_occurrences: [] })] }),
      'POST /api/schedules/5c1e0a9b2f34/disable': () => ({ body: schedule({ enabled: false, next_occurrences: [] }) }),
      'POST /api/schedules/0000000000a2/enable': () => ({ body: schedule({ id: '0000000000a2', name: 'weekly' }) }),
      'DELETE /api/schedules/5c1e0a9b2f34': () => ({ status: 204 }),
    })
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    const user = userEvent.setup()
    renderRoute('/schedules', '/schedules', <SchedulesPage />)
    await user.click(await screen.findByRole('button', { name: 'Disable nightly accuracy' }))
    await user.click(screen.getByRole('button', { name: 'Enable weekly' }))
    await user.click(screen.getByRole('button', { name: 'Delete nightly accuracy' }))
    await vi.waitFor(() => expect(m.calls.some((c) => c.method === 'DELETE')).toBe(true))
    const paths = m.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.url.pathname}`)
    expect(paths).toEqual(['POST /api/schedules/5c1e0a9b2f34/disable', 'POST /api/schedules/0000000000a2/enable', 'DELETE /api/schedules/5c1e0a9b2f34'])
  })
})
