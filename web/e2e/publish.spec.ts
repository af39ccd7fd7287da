import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test } from '@playwright/test'
import { repo } from './global-setup'
import { shot } from './helpers'

// `astrobench publish` (docs/publish-import.md): a real run (real adapters), published with the real CLI,
// opened from file:// in chromium with no server at all: runs list, dashboard, experiment plots, a trend, the regressions.
const cli = [join(repo, 'src/AstroBench.Cli/bin/Release/net10.0/astrobench'), join(repo, 'src/AstroBench.Cli/bin/Debug/net10.0/astrobench')].find(existsSync)!
let work = ''
let site = ''
let runId = ''
let laterId = ''

/** The run id one hour after `id` (YYYY-MM-DD_HH-MM-SS, UTC). */
function hourLater(id: string): string {
  const [d, t] = id.split('_')
  const at = new Date(`${d}T${t.replaceAll('-', ':')}Z`).getTime() + 3_600_000
  return new Date(at).toISOString().slice(0, 19).replace('T', '_').replaceAll(':', '-')
}

/**
 * A later run of the same dataset in which libnova's gmst errors doubled: a copy of the real run under a new id, its
 * result file edited (accuracy is deterministic, so any change is flagged: the site must show it as a regression).
 */
function writeWorseRun(results: string) {
  laterId = hourLater(runId)
  cpSync(join(results, runId), join(results, laterId), { recursive: true })
  const manifest = join(results, laterId, 'manifest.json')
  writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), run_id: laterId }))
  const file = join(results, laterId, 'gmst_era', 'libnova.json')
  const result = JSON.parse(readFileSync(file, 'utf8'))
  for (const m of Object.values(result.accuracy.metrics) as Record<string, number>[]) {
    for (const k of ['mean', 'rms', 'max', 'p50', 'p99']) m[k] *= 2
  }
  writeFileSync(file, JSON.stringify(result))
}

test.beforeAll(() => {
  if (!existsSync(join(repo, 'web/dist-static/index.html'))) throw new Error('web/dist-static is missing: run `npm run build:static` in web/ first')
  work = mkdtempSync(join(tmpdir(), 'astrobench-e2e-publish-'))
  const results = join(work, 'results')
  const run = execFileSync(cli, ['run', '--experiments', 'gmst_era', '--libraries', 'erfa,libnova', '--n', '300', '--perf-rounds', '3',
    '--results-dir', results, '--adapters-dir', join(repo, 'adapters')], { cwd: work, encoding: 'utf8' })
  runId = /run_id=(\S+)/.exec(run.split('\n').find((l) => l.includes('finish status=completed')) ?? '')![1]
  writeWorseRun(results)
  site = join(work, 'site')
  execFileSync(cli, ['publish', '--out', site, '--results-dir', results], { cwd: work, encoding: 'utf8' })
})

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

test('published site from file://: runs list, dashboard, experiment detail with plots', async ({ page }) => {
  const failed: string[] = []
  page.on('requestfailed', (r) => failed.push(r.url()))
  page.on('pageerror', (e) => failed.push(String(e)))
  await page.goto(pathToFileURL(join(site, 'index.html')).href)

  await expect(page.getByRole('link', { name: 'Runs' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Run Benchmarks' })).toHaveCount(0)
  await expect(page.locator(`tr[data-run-id="${runId}"]`)).toBeVisible()
  await shot(page, 'publish-01-runs')

  await page.locator(`tr[data-run-id="${runId}"]`).getByRole('link', { name: runId }).click()
  await expect(page).toHaveURL(new RegExp(`#/runs/${runId}$`))
  await expect(page.getByRole('table', { name: 'Results by experiment and library' })).toContainText('gmst_era')
  await expect(page.locator('canvas').first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Set as baseline' })).toHaveCount(0)
  await shot(page, 'publish-02-dashboard')

  await page.goto(pathToFileURL(join(site, 'index.html')).href + `#/runs/${runId}/experiments/gmst_era?tab=accuracy`)
  await expect(page.getByRole('tab', { name: 'Accuracy' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('canvas')).toHaveCount(2)
  await page.getByRole('tab', { name: 'Outliers' }).click()
  await expect(page.getByRole('table', { name: 'Per-case inputs, outputs and errors' })).toBeVisible()
  await shot(page, 'publish-03-experiment')
  // Nothing asked for a file the site does not have (every data script of these pages is published).
  expect(failed).toEqual([])
})

test('published site from file://: a trend across the published runs and the regression between them, read-only', async ({ page }) => {
  const failed: string[] = []
  page.on('requestfailed', (r) => failed.push(r.url()))
  page.on('pageerror', (e) => failed.push(String(e)))
  await page.goto(pathToFileURL(join(site, 'index.html')).href)

  await page.getByRole('link', { name: 'Trends' }).click()
  await page.getByLabel('Experiment').selectOption('gmst_era')
  await page.getByLabel('Library').selectOption('libnova')
  const trend = page.getByRole('region', { name: /^libnova · gmst_era · gmst_error_arcsec/ })
  await expect(trend.locator('canvas').first()).toBeVisible()
  await trend.getByText('Points (2)').click()
  const points = trend.getByRole('table', { name: /Points of/ })
  await expect(points.getByRole('link', { name: runId })).toBeVisible()
  await expect(points.getByRole('row').filter({ hasText: laterId })).toContainText('regression (open)')
  await shot(page, 'publish-04-trend')

  await page.getByRole('link', { name: 'Regressions' }).click()
  const list = page.getByRole('table', { name: 'Detected changes' })
  const row = list.getByRole('row').filter({ hasText: 'libnova · gmst_era · gmst_error_arcsec' })
  await expect(row).toContainText('regression')
  await expect(row.getByRole('link', { name: laterId })).toBeVisible()
  await expect(page.getByText(/This published site is read-only/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0)
  await shot(page, 'publish-05-regressions')

  await row.getByRole('link', { name: 'trend' }).click()
  await expect(page.getByRole('region', { name: /^libnova · gmst_era · gmst_error_arcsec/ }).locator('canvas').first()).toBeVisible()
  expect(failed).toEqual([])
})
