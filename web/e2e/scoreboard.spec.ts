import { cpSync, existsSync, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { expect, test } from '@playwright/test'
import { completedRun } from './helpers'

// Issue 13 point 4 against the real server: a run's Scoreboard section (standings, heatmaps, frame pairs, all pairs)
// from GET /api/runs/{id}/scoreboard and /pairs. A small real run (real adapters, n = 30, CI mode: smoke timings,
// never ranked); ASTROBENCH_E2E_SCOREBOARD_RUN=<run folder> shows that run instead (e.g. a full-catalog run for the
// closing note's screenshots). Screenshots go to e2e/test-results/.
const out = join(import.meta.dirname ?? __dirname, 'test-results')

test('run dashboard: scoreboard, accuracy and speed heatmaps, frame pairs and all pairs', async ({ page, request }) => {
  let runId: string
  const given = process.env.ASTROBENCH_E2E_SCOREBOARD_RUN
  if (given && existsSync(given)) {
    runId = basename(given)
    cpSync(given, join(process.env.ASTROBENCH_E2E_ROOT!, 'results', runId), { recursive: true })
    await request.post('/api/runs/reload')
  } else {
    const done = await completedRun(request, {
      experiments: ['gmst_era', 'frame_rotation_bpn', 'equ_ecl'],
      libraries: ['erfa', 'erfa-dotnet', 'libnova', 'astronomy-engine'],
      n: 30,
      ci_mode: true,
    })
    runId = done.runId
  }
  mkdirSync(out, { recursive: true })

  await page.goto(`/runs/${runId}`)
  const section = page.getByRole('region', { name: 'Scoreboard' })
  const standings = section.getByRole('table', { name: /Scoreboard: ranks/ })
  await expect(standings.getByRole('row').nth(1)).toBeVisible()
  const accuracy = section.getByRole('table', { name: /Accuracy heatmap/ })
  // erfa-dotnet equals the reference bit for bit: within the measured reference uncertainty, never ranked.
  await expect(accuracy.getByRole('cell', { name: /≤U/ }).first()).toBeVisible()
  await section.scrollIntoViewIfNeeded()
  await standings.screenshot({ path: join(out, 'scoreboard-standings.png') })
  await accuracy.screenshot({ path: join(out, 'scoreboard-accuracy-heatmap.png') })
  await section.getByRole('table', { name: /Speed heatmap/ }).screenshot({ path: join(out, 'scoreboard-speed-heatmap.png') })
  const frames = section.getByRole('table', { name: /Frame pairs/ })
  await expect(frames.getByRole('rowheader', { name: 'ICRS' })).toBeVisible()
  await frames.screenshot({ path: join(out, 'scoreboard-frame-pairs.png') })

  await section.getByRole('button', { name: 'Show all pairs' }).click()
  const pairs = section.getByRole('table', { name: /gmst_era: p99 \/ max/ })
  await expect(pairs).toBeVisible()
  await pairs.screenshot({ path: join(out, 'scoreboard-pairs-gmst_era.png') })
  await section.screenshot({ path: join(out, 'scoreboard-section.png') })
})
