import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { job } from '@/test/fixtures'
import type { StartJobRequest } from '@/lib/types'
import { EnqueueControls } from './EnqueueControls'

afterEach(() => vi.unstubAllGlobals())

const request: StartJobRequest = { experiments: ['gmst_era'], libraries: null, n: 100, seed: 42, perf_rounds: 5, no_perf: false, ci_mode: false, notes: '' }

const created = (over = {}) => ({
  ...job({ job_id: '00000000000c', status: 'queued' }),
  priority: 5,
  concurrency_key: 'nightly',
  resource_class: 'timing',
  queue_position: 3,
  estimated_start_at: null,
  ...over,
})

describe('EnqueueControls', () => {
  it('enqueues the form with priority and concurrency key, and says where the job is', async () => {
    const m = mockFetch({ 'POST /api/benchmark/jobs': () => ({ status: 201, body: created() }) })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <EnqueueControls request={() => request} onFieldErrors={() => {}} />)
    const priority = screen.getByRole('spinbutton', { name: 'Priority' })
    await user.clear(priority)
    await user.type(priority, '5')
    await user.type(screen.getByRole('textbox', { name: 'Concurrency key (optional)' }), 'nightly')
    await user.click(screen.getByRole('button', { name: /Enqueue/ }))
    expect(await screen.findByRole('status')).toHaveTextContent('Job 00000000000c queued at position 3.')
    expect(m.calls[0].body).toEqual({ ...request, priority: 5, concurrency_key: 'nightly' })
  })

  it('checks priority and key before sending, and shows the server 422 per field', async () => {
    const onFieldErrors = vi.fn()
    const m = mockFetch({
      'POST /api/benchmark/jobs': () => ({ status: 422, body: { title: 'Invalid benchmark request', status: 422, errors: { n: ['n must be between 1 and 1000000.'] } } }),
    })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <EnqueueControls request={() => request} onFieldErrors={onFieldErrors} />)
    const priority = screen.getByRole('spinbutton', { name: 'Priority' })
    await user.clear(priority)
    await user.type(priority, '101')
    await user.type(screen.getByRole('textbox', { name: 'Concurrency key (optional)' }), 'has space')
    await user.click(screen.getByRole('button', { name: /Enqueue/ }))
    expect(screen.getByText(/Priority must be a whole number/)).toBeInTheDocument()
    expect(screen.getByText(/Use 1–100 letters, digits/)).toBeInTheDocument()
    expect(m.calls).toHaveLength(0)

    await user.clear(priority)
    await user.type(priority, '1')
    await user.clear(screen.getByRole('textbox', { name: 'Concurrency key (optional)' }))
    await user.click(screen.getByRole('button', { name: /Enqueue/ }))
    await vi.waitFor(() => expect(onFieldErrors).toHaveBeenCalledWith({ n: 'n must be between 1 and 1000000.' }))
    expect(m.calls[0].body).toMatchObject({ priority: 1, concurrency_key: null })
  })

  it('sends nothing when the run form is invalid', async () => {
    const m = mockFetch({})
    const user = userEvent.setup()
    renderRoute('/run', '/run', <EnqueueControls request={() => null} onFieldErrors={() => {}} />)
    await user.click(screen.getByRole('button', { name: /Enqueue/ }))
    expect(m.calls).toHaveLength(0)
  })
})
