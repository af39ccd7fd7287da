import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import type { RunSummary } from '@/lib/types'
import { RunsPage } from './RunsPage'

afterEach(() => vi.unstubAllGlobals())

const A = '2026-11-29_01-02-03'
const B = '2026-11-28_01-02-03'
const run = (id: string, o: Partial<RunSummary> = {}): RunSummary => ({
  id, timestamp: null, machine: null, experiments: ['gmst_era'], libraries: ['libnova'], result_count: 1, complete: true, bytes: 2_621_440, pinned: false, ...o,
})

const rowOf = async (id: string) => (await screen.findByRole('link', { name: id })).closest('tr')!

describe('RunsPage retention controls', () => {
  it('shows each run size and toggles its pin', async () => {
    let pinned = false
    const { calls } = mockFetch({
      'GET /api/runs': () => ({ body: [run(A, { pinned }), run(B, { bytes: 900 })] }),
      [`POST /api/runs/${A}/pin`]: () => {
        pinned = true
        return { body: { run_id: A, pinned: true } }
      },
    })
    renderRoute('/runs', '/runs', <RunsPage />)

    const row = await rowOf(A)
    expect(within(row).getByText('2.5 MiB')).toBeInTheDocument()
    expect(within(await rowOf(B)).getByText('900 B')).toBeInTheDocument()
    const pin = within(row).getByRole('button', { name: `Pin ${A}` })
    expect(pin).toHaveAttribute('aria-pressed', 'false')
    fireEvent.click(pin)

    expect(await within(row).findByRole('button', { name: `Unpin ${A}` })).toHaveAttribute('aria-pressed', 'true')
    expect(calls.some((c) => c.method === 'POST' && c.url.pathname === `/api/runs/${A}/pin`)).toBe(true)
  })

  it('deletes only after confirmation, and shows the 409 detail for a pinned run', async () => {
    let gone = false
    const { calls } = mockFetch({
      'GET /api/runs': () => ({ body: gone ? [run(A, { pinned: true })] : [run(A, { pinned: true }), run(B)] }),
      [`DELETE /api/runs/${A}`]: () => ({ status: 409, body: { title: 'Run is protected', detail: `Run ${A} is pinned; unpin it first.` } }),
      [`DELETE /api/runs/${B}`]: () => {
        gone = true
        return { status: 204 }
      },
    })
    renderRoute('/runs', '/runs', <RunsPage />)

    fireEvent.click(within(await rowOf(A)).getByRole('button', { name: `Delete ${A}` }))
    const dialog = screen.getByRole('dialog', { name: `Delete run ${A}?` })
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(`Run ${A} is pinned; unpin it first.`)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()

    fireEvent.click(within(await rowOf(B)).getByRole('button', { name: `Delete ${B}` }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.queryByRole('link', { name: B })).not.toBeInTheDocument())
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: A })).toBeInTheDocument()
  })
})
