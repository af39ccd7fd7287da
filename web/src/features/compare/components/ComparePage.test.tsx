import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderWithHeldNavigation } from '@/test/utils'
import type { RunSummary } from '@/lib/types'
import type { CompareResult } from '../api/getCompare'
import { ComparePage } from './ComparePage'

afterEach(() => vi.unstubAllGlobals())

const A = '2026-11-29_01-02-03'
const B = '2026-11-29_02-03-04'
const run = (id: string): RunSummary => ({ id, timestamp: null, machine: null, experiments: ['gmst_era'], libraries: ['libnova'], result_count: 1, complete: true, bytes: 0, pinned: false })
const accuracy = (library: string, verdict: 'regressed' | 'unchanged'): CompareResult['accuracy'][number] => ({
  experiment: 'gmst_era',
  library,
  metric: 'gmst_error_arcsec',
  unit: 'arcsec',
  p99_a: 0.09,
  p99_b: verdict === 'regressed' ? 0.2 : 0.09,
  max_a: 0.1,
  max_b: 0.2,
  delta_p99: 0,
  relative_change: 0,
  dataset_changed: false,
  verdict,
})

function api() {
  return mockFetch({
    'GET /api/runs': () => ({ body: [run(B), run(A)] }),
    'GET /api/compare': () => ({
      body: {
        run_a: A,
        run_b: B,
        accuracy: [accuracy('libnova', 'regressed'), accuracy('erfa', 'unchanged')],
        performance: [],
        summary: { accuracy_regressions: 1, accuracy_improvements: 0, perf_regressions: 0, perf_improvements: 0 },
      },
    }),
  })
}

const libraries = () =>
  within(screen.getByRole('table', { name: 'Accuracy deltas' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[1].textContent)

describe('ComparePage', () => {
  it('"Changed only" is checked at the click, before the router commits the URL, and is written to the URL', async () => {
    api()
    const user = userEvent.setup()
    const { held, commit } = renderWithHeldNavigation(`/compare?a=${A}&b=${B}`, '/compare', <ComparePage />)
    await screen.findByRole('table', { name: 'Accuracy deltas' })
    expect(libraries()).toEqual(['libnova', 'erfa'])

    const box = screen.getByRole('checkbox', { name: 'Changed only' })
    await user.click(box)
    // the URL has not moved yet (the navigation is held), yet the box and the table follow the click
    expect(screen.getByTestId('location')).toHaveTextContent(`/compare?a=${A}&b=${B}`)
    expect(box).toBeChecked()
    expect(libraries()).toEqual(['libnova'])
    expect(held).toEqual([{ to: { pathname: '/compare', search: `?a=${A}&b=${B}&changed=1`, hash: '' }, replace: true }])

    commit()
    expect(screen.getByTestId('location')).toHaveTextContent(`/compare?a=${A}&b=${B}&changed=1`)
    expect(box).toBeChecked()

    await user.click(box)
    expect(box).not.toBeChecked()
    expect(libraries()).toEqual(['libnova', 'erfa'])
    commit()
    expect(screen.getByTestId('location')).toHaveTextContent(new RegExp(`^/compare\\?a=${A}&b=${B}$`))
    expect(box).not.toBeChecked()
  })

  it('the run pickers show a new choice at once too', async () => {
    api()
    const user = userEvent.setup()
    const { held } = renderWithHeldNavigation(`/compare?a=${A}`, '/compare', <ComparePage />)
    const pickB = await screen.findByRole('combobox', { name: 'Run B (candidate)' })
    await within(pickB).findByRole('option', { name: B })
    await user.selectOptions(pickB, B)
    expect(pickB).toHaveValue(B)
    expect(held.at(-1)?.to.search).toBe(`?a=${A}&b=${B}`)
  })
})
