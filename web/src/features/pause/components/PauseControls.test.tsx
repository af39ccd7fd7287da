import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { job } from '@/test/fixtures'
import { PauseControls } from './PauseControls'

afterEach(() => vi.unstubAllGlobals())

const ID = '0123456789ab'
const pausable = (over: Record<string, unknown>) => ({ ...job({ job_id: ID, status: 'running' }), checkpoint: null, pause_requested: null, preempted_by: null, ...over })

describe('PauseControls', () => {
  it('pauses a running job at the boundary and says it is pausing', async () => {
    const { calls } = mockFetch({ [`POST /api/benchmark/jobs/${ID}/pause`]: () => ({ status: 202, body: pausable({ pause_requested: 'boundary' }) }) })
    renderRoute('/', '/', <PauseControls jobId={ID} status="running" />)
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Pausing after the current experiment')
    expect(calls[0].url.searchParams.get('mode')).toBe('boundary')
    expect(screen.getByRole('button', { name: 'Pause' })).toBeDisabled()
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull()
  })

  it('pauses now with mode=now', async () => {
    const { calls } = mockFetch({ [`POST /api/benchmark/jobs/${ID}/pause`]: () => ({ status: 202, body: pausable({ pause_requested: 'now' }) }) })
    renderRoute('/', '/', <PauseControls jobId={ID} status="running" />)
    await userEvent.click(screen.getByRole('button', { name: 'Pause now' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Pausing now')
    expect(calls[0].url.searchParams.get('mode')).toBe('now')
  })

  it('resumes a paused job and shows a 409 detail', async () => {
    const { calls } = mockFetch({
      [`POST /api/benchmark/jobs/${ID}/resume`]: () => ({ status: 409, body: { title: 'Job is not paused', detail: `Job ${ID} is queued; only a paused job can resume.` } }),
    })
    renderRoute('/', '/', <PauseControls jobId={ID} status="paused" />)
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('only a paused job can resume')
    expect(calls[0].method).toBe('POST')
  })

  it('shows nothing for a queued or finished job', () => {
    mockFetch({})
    renderRoute('/', '/', <PauseControls jobId={ID} status="completed" />)
    expect(screen.queryByRole('button')).toBeNull()
  })
})
