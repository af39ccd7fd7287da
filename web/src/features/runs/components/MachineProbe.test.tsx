import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { experiments } from '@/test/fixtures'
import { RunDashboardPage } from './RunDashboardPage'

vi.mock('@/components/ui/Plot', () => ({ Plot: () => null, alignSeries: () => [] }))

afterEach(() => vi.unstubAllGlobals())

const RUN = '2026-11-29_01-02-03'
// docs/run-folder.md's manifest example
const probe = {
  kernel: 'fp-chain+table-walk/1', values: 3, samples: 12, median_ns: 1.702, min_ns: 1.668, max_ns: 1.911,
  drift_percent: 14.2773, robust_cv_percent: 1.3, drift_threshold_percent: 3, varied: true,
}

function show(manifest: unknown) {
  mockFetch({
    [`GET /api/runs/${RUN}`]: () => ({ body: { id: RUN, manifest, rows: [] } }),
    'GET /api/experiments': () => ({ body: experiments }),
  })
  renderRoute(`/runs/${RUN}`, '/runs/:runId', <RunDashboardPage />)
}

const manifest = (machine?: unknown) => ({ run_id: RUN, started_at: null, finished_at: null, ...(machine === undefined ? {} : { machine }) })
const value = (table: HTMLElement, name: string) => within(within(table).getByRole('row', { name: new RegExp(`^${name}`) })).getByRole('cell').textContent
const variedNote = () => screen.queryAllByRole('status').find((s) => /Machine speed varied during timing/.test(s.textContent ?? ''))

describe('RunDashboardPage machine probe', () => {
  it('a run whose machine varied: the note at the top and the probe figures', async () => {
    show(manifest({ probe }))
    const table = await screen.findByRole('table', { name: 'Machine-speed probe' })
    expect(value(table, 'probe median')).toBe('1.702 ns/op')
    expect(value(table, 'min – max')).toBe('1.668 – 1.911 ns/op')
    expect(value(table, 'drift')).toBe('14.3 %')
    expect(value(table, 'robust CV')).toBe('1.3 %')
    expect(value(table, 'samples')).toBe('12 (3 values each)')
    expect(variedNote()).toHaveTextContent('the medians of this run are reproducible only to about 14.3 %')
  })

  it('a steady machine: the figures, no note', async () => {
    show(manifest({ probe: { ...probe, drift_percent: 1.2, varied: false } }))
    await screen.findByRole('table', { name: 'Machine-speed probe' })
    expect(screen.getByText('Machine speed steady within 1.2 % during timing.')).toBeInTheDocument()
    expect(variedNote()).toBeUndefined()
  })

  it.each([
    ['absent (older runs, --no-perf)', undefined],
    ['null', null],
  ])('machine block %s: says none was recorded', async (_, machine) => {
    show(manifest(machine))
    expect(await screen.findByText(/No machine-speed probe recorded/)).toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Machine-speed probe' })).toBeNull()
    expect(variedNote()).toBeUndefined()
  })

  it('rejects a probe block of another shape', async () => {
    show(manifest({ probe: { ...probe, median_ns: '1.7' } }))
    expect(await screen.findByRole('alert')).toHaveTextContent('run.manifest.machine.probe.median_ns should be a number, got "1.7"')
  })
})
