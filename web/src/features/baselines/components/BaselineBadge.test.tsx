import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BaselineBadge } from './BaselineBadge'
import { SetBaselineButton } from './SetBaselineButton'

const baseline = { testbed: '0123456789abcdef', testbed_label: null, run_id: '2026-02-01_00-00-00', set_at: '2026-02-01T00:00:00Z' }

function wrap(children: ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(<QueryClientProvider client={qc}>{children}</QueryClientProvider>)
}

function serve(list: unknown[]) {
  const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      list.push({ ...baseline, run_id: JSON.parse(String(init.body)).run_id })
      return new Response(JSON.stringify(list.at(-1)), { status: 200 })
    }
    return new Response(JSON.stringify(list), { status: 200 })
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

afterEach(() => vi.unstubAllGlobals())

describe('BaselineBadge', () => {
  it('marks the baseline run and nothing else', async () => {
    serve([baseline])
    wrap(
      <>
        <BaselineBadge runId="2026-02-01_00-00-00" />
        <BaselineBadge runId="2026-02-02_00-00-00" />
      </>,
    )
    expect(await screen.findByText('baseline')).toBeInTheDocument()
    expect(screen.getAllByText('baseline')).toHaveLength(1)
  })

  it('rejects a list the server never sends', async () => {
    serve([{ ...baseline, testbed: 'NOT-A-KEY' }])
    wrap(<BaselineBadge runId="2026-02-01_00-00-00" />)
    await waitFor(() => expect(screen.queryByText('baseline')).not.toBeInTheDocument())
  })
})

describe('SetBaselineButton', () => {
  it('posts the run and then shows it as the baseline', async () => {
    const fetch = serve([])
    wrap(<SetBaselineButton runId="2026-02-02_00-00-00" />)
    await userEvent.click(await screen.findByRole('button', { name: 'Set as baseline' }))
    expect(fetch).toHaveBeenCalledWith('/api/baselines', expect.objectContaining({ method: 'POST', body: '{"run_id":"2026-02-02_00-00-00"}' }))
    expect(await screen.findByRole('button', { name: 'Baseline' })).toBeDisabled()
  })
})
