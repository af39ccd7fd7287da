import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { completedRun } from './helpers'

// Issue 13 point 2 against the real server: an ephemeris experiment's accuracy plots carry the measured reference
// uncertainty (DE431 vs casacore's DE405, docs/scoreboard.md) as a shaded band, stated in text. A small real run.
const out = join(import.meta.dirname ?? __dirname, 'test-results')

test('experiment page: the reference-uncertainty band on an ephemeris experiment', async ({ page }) => {
  const { runId } = await completedRun(page.request, {
    experiments: ['neptune_position'],
    libraries: ['swisseph', 'casacore', 'libnova'],
    n: 200,
    no_perf: true,
  })
  mkdirSync(out, { recursive: true })

  await page.goto(`/runs/${runId}/experiments/neptune_position?tab=accuracy`)
  const statement = page.getByTestId('reference-uncertainty')
  await expect(statement).toContainText(/Shaded: within the reference uncertainty \(p99 ≤ 1\.1\d* arcsec; casacore/)
  await expect(page.getByRole('img', { name: /CDF of \|separation_arcsec\|/ })).toBeVisible()
  await expect(page.locator('canvas')).toHaveCount(2)
  await page.screenshot({ path: join(out, 'reference-band-neptune.png'), fullPage: true })
})
