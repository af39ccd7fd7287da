import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import type { RunScoreboard, ScoreboardEntry } from '../api/getScoreboard'
import { ScoreboardSection } from './ScoreboardSection'

afterEach(() => vi.unstubAllGlobals())

const RUN = '2026-12-01_14-14-26'
const entry = (o: Partial<ScoreboardEntry>): ScoreboardEntry => ({
  library: 'libnova', role: 'candidate', outcome: 'completed', parity: 'model-parity', p99_error: 0.2,
  accuracy_status: 'ranked', accuracy_rank: 1, median_ns: 30, speed_status: 'ranked', speed_rank: 1, speed_note: null, ...o,
})
const tally = (wins: number, ties: number, losses: number) => ({ wins, ties, losses })
const board: RunScoreboard = {
  run_id: RUN,
  accuracy_tie_factor: 1.25,
  libraries: ['astronomy-engine', 'erfa', 'libnova'],
  experiments: [{
    experiment: 'gmst_era', title: 'GMST', from_frame: 'UT1', to_frame: 'sidereal angle', reference: 'erfa', metric: 'gmst_error_arcsec', unit: 'arcsec',
    reference_uncertainty: { value: 1e-6, unit: 'arcsec', metric: 'gmst_error_arcsec', source: 'astropy vs erfa', run_id: RUN },
    entries: [
      entry({ library: 'erfa', role: 'reference', accuracy_status: 'reference', accuracy_rank: null, p99_error: 0, speed_rank: 1 }),
      entry({ library: 'astronomy-engine', p99_error: 1.1e-8, accuracy_status: 'within_reference_uncertainty', accuracy_rank: null, speed_status: 'invalid', speed_rank: null, speed_note: 'too_few_rounds: 1 round', median_ns: 3600 }),
      entry({ library: 'libnova', p99_error: 0.277, accuracy_rank: 2, speed_rank: 2 }),
    ],
  }],
  standings: [
    { library: 'astronomy-engine', experiments: 1, accuracy: tally(1, 0, 0), speed: tally(0, 0, 0), accuracy_rank: 1, speed_rank: 2, mean_accuracy_rank: null, mean_speed_rank: null },
    { library: 'libnova', experiments: 1, accuracy: tally(0, 0, 1), speed: tally(0, 0, 1), accuracy_rank: 2, speed_rank: 3, mean_accuracy_rank: 2, mean_speed_rank: 2 },
  ],
  pairwise: [{ library: 'astronomy-engine', opponent: 'libnova', accuracy: tally(1, 0, 0), speed: tally(0, 0, 0) }],
}

function show() {
  mockFetch({
    [`GET /api/runs/${RUN}/scoreboard`]: () => ({ body: board }),
    [`GET /api/runs/${RUN}/pairs`]: () => ({
      body: [{ experiment: 'gmst_era', metric: 'gmst_error_arcsec', unit: 'arcsec', libraries: ['erfa', 'libnova'], pairs: [{ a: 'erfa', b: 'libnova', cases: 300, p99: 0.277, max: 0.286 }] }],
    }),
  })
  renderRoute(`/runs/${RUN}`, '/runs/:runId', <ScoreboardSection runId={RUN} />)
}

const row = (table: HTMLElement, name: string | RegExp) => within(table).getByRole('rowheader', { name }).closest('tr')!

describe('ScoreboardSection', () => {
  it('shows standings with wins/ties/losses per library', async () => {
    show()
    const table = await screen.findByRole('table', { name: /Scoreboard: ranks/ })
    const cells = within(table).getAllByRole('row')[1]
    expect(within(cells).getByText('astronomy-engine')).toBeInTheDocument()
    expect(within(cells).getByText('1/0/0')).toBeInTheDocument()
  })

  it('marks a result within reference uncertainty as such, with no rank, and ranks the others', async () => {
    show()
    const heat = await screen.findByRole('table', { name: /Accuracy heatmap/ })
    const cells = within(row(heat, /gmst_era/)).getAllByRole('cell')
    expect(cells[0]).toHaveTextContent('≤U')
    expect(cells[0]).not.toHaveTextContent('#')
    expect(cells[0]).toHaveAttribute('title', 'within reference uncertainty, not ranked')
    expect(cells[1]).toHaveTextContent('reference')
    expect(cells[2]).toHaveTextContent('#2')
    expect(within(heat).getByRole('rowheader', { name: /gmst_era/ })).toHaveTextContent('U=')
  })

  it('never ranks an invalid timing in the speed heatmap', async () => {
    show()
    const heat = await screen.findByRole('table', { name: /Speed heatmap/ })
    const cells = within(row(heat, 'gmst_era')).getAllByRole('cell')
    expect(cells[0]).toHaveTextContent('⚠')
    expect(cells[0]).not.toHaveTextContent('#')
    expect(cells[0].getAttribute('title')).toMatch(/too_few_rounds/)
  })

  it('shows the FROM × TO frame pairs with the experiment between them', async () => {
    show()
    const frames = await screen.findByRole('table', { name: /Frame pairs/ })
    expect(within(frames).getByRole('columnheader', { name: 'sidereal angle' })).toBeInTheDocument()
    expect(within(row(frames, 'UT1')).getByText('gmst_era')).toBeInTheDocument()
  })

  it('loads the all-pairs matrices on demand', async () => {
    show()
    await userEvent.click(await screen.findByRole('button', { name: 'Show all pairs' }))
    const pairs = await screen.findByRole('table', { name: /gmst_era: p99 \/ max/ })
    expect(within(row(pairs, 'erfa')).getAllByRole('cell')[1]).toHaveTextContent('0.277 / 0.286')
  })
})
