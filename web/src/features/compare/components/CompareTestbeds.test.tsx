import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { ComparePage } from './ComparePage'

afterEach(() => vi.unstubAllGlobals())

const A = '2026-11-29_01-02-03'
const B = '2026-11-29_02-03-04'

function api(differ: boolean) {
  mockFetch({
    'GET /api/runs': () => ({ body: [] }),
    'GET /api/compare': () => ({
      body: {
        run_a: A, run_b: B, accuracy: [], performance: [],
        summary: { accuracy_regressions: 0, accuracy_improvements: 0, perf_regressions: 0, perf_improvements: 0 },
        testbeds: { a: 'ae37e8780a8490c4', b: differ ? 'unknown' : 'ae37e8780a8490c4', differ },
      },
    }),
  })
}

describe('ComparePage testbeds', () => {
  it('warns when the two runs were measured on different testbeds', async () => {
    api(true)
    renderRoute(`/compare?a=${A}&b=${B}`, '/compare', <ComparePage />)
    expect(await screen.findByText(/Run A was measured on testbed ae37e8780a8490c4, run B on unknown/)).toBeInTheDocument()
  })

  it('says nothing when they share one', async () => {
    api(false)
    renderRoute(`/compare?a=${A}&b=${B}`, '/compare', <ComparePage />)
    await screen.findByTestId('compare-summary')
    expect(screen.queryByText(/Different testbeds/)).not.toBeInTheDocument()
  })
})
