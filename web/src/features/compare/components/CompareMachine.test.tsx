import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { ComparePage } from './ComparePage'

afterEach(() => vi.unstubAllGlobals())

const A = '2026-03-01_00-00-00'
const B = '2026-03-02_00-00-00'
// The server's answer for two runs whose probes are 12 % apart (tests/AstroBench.Server.Tests/Comparison/CompareMachineApiTests.cs).
const WARNING =
  "the machine ran 12.0 % slower in the candidate run than in the baseline (probe median 2.5 → 2.8 ns/op), more than the 5 % a performance verdict needs: performance changes may be the machine's, not the code's"
const differing = { baseline_probe_ns: 2.5, candidate_probe_ns: 2.8, difference_percent: 12, threshold_percent: 5, differs: true, warning: WARNING }
const steady = { baseline_probe_ns: 2.5, candidate_probe_ns: 2.55, difference_percent: 2, threshold_percent: 5, differs: false, warning: null }

function api(machine: unknown) {
  mockFetch({
    'GET /api/runs': () => ({ body: [] }),
    'GET /api/compare': () => ({
      body: {
        run_a: A, run_b: B, accuracy: [],
        performance: [{ experiment: 'gmst_era', library: 'libnova', median_ns_a: 100, median_ns_b: 120, change_percent: 20, ci_a: [99, 101], ci_b: [119, 121], ci_overlap: false, verdict: 'regressed' },
          { experiment: 'gmst_era', library: 'erfa', median_ns_a: 50, median_ns_b: 51, change_percent: 2, ci_a: [49, 51], ci_b: [50, 52], ci_overlap: true, verdict: 'unchanged' }],
        summary: { accuracy_regressions: 0, accuracy_improvements: 0, perf_regressions: 1, perf_improvements: 0 },
        testbeds: { a: '0123456789abcdef', b: '0123456789abcdef', differ: false },
        ...(machine === undefined ? {} : { machine }),
      },
    }),
  })
  renderRoute(`/compare?a=${A}&b=${B}`, '/compare', <ComparePage />)
}

const banner = () => screen.queryAllByRole('status').find((s) => /Machine speed differed/.test(s.textContent ?? ''))
const perfRow = async (i = 1) => within(await screen.findByRole('table', { name: 'Performance deltas' })).getAllByRole('row')[i]

describe('ComparePage machine speed', () => {
  it('shows both probe medians and the difference, warns, and leaves the verdict as the server gave it', async () => {
    api(differing)
    const probe = await screen.findByRole('table', { name: 'Machine-speed probe of both runs' })
    const cells = within(within(probe).getAllByRole('row')[1]).getAllByRole('cell').map((c) => c.textContent)
    expect(cells).toEqual(['2.5 ns/op', '2.8 ns/op', '+12.0 % (B slower)', '5 %', 'differed'])
    expect(banner()).toHaveTextContent(/The machine ran 12\.0 % slower in the candidate run/)
    expect(banner()).toHaveTextContent('Timing differences below may come from the machine, not the code.')
    const row = await perfRow()
    expect(within(row).getByText('regressed')).toBeInTheDocument()
    expect(within(row).getByText(/machine speed differed by 12\.0 % \(probe\)/)).toBeInTheDocument()
    // an unchanged row carries no note, as in the CLI gate
    expect(within(await perfRow(2)).getByText('unchanged')).toBeInTheDocument()
    expect(within(await perfRow(2)).queryByText(/machine speed differed/)).toBeNull()
    expect(within(screen.getByTestId('compare-summary')).getByText('Perf regressions').previousSibling).toHaveTextContent('1')
  })

  it('within the threshold: the medians, no banner, no row note', async () => {
    api(steady)
    const probe = await screen.findByRole('table', { name: 'Machine-speed probe of both runs' })
    expect(within(within(probe).getAllByRole('row')[1]).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '2.5 ns/op', '2.55 ns/op', '+2.0 % (B slower)', '5 %', 'comparable',
    ])
    expect(banner()).toBeUndefined()
    expect(within(await perfRow()).queryByText(/machine speed differed/)).toBeNull()
  })

  it.each([
    ['null (a run without a probe)', null],
    ['absent (an older answer)', undefined],
  ])('machine %s: says it was not compared and shows the verdicts as before', async (_, machine) => {
    api(machine)
    expect(await screen.findByText(/Not compared: a run has no machine-speed probe/)).toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Machine-speed probe of both runs' })).toBeNull()
    expect(banner()).toBeUndefined()
    expect(within(await perfRow()).getByText('regressed')).toBeInTheDocument()
  })

  it('rejects a machine block of another shape instead of guessing', async () => {
    api({ ...differing, differs: 'yes' })
    expect(await screen.findByRole('alert')).toHaveTextContent('compare.machine.differs should be a boolean, got "yes"')
  })
})
