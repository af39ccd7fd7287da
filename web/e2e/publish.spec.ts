import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test } from '@playwright/test'
import { repo } from './global-setup'
import { shot } from './helpers'

// `astrobench publish` (docs/publish-import.md): a real run (real adapters), published with the real CLI,
// opened from file:// in chromium with no server at all: runs list, dashboard, experiment plots.
const cli = [join(repo, 'src/AstroBench.Cli/bin/Release/net10.0/astrobench'), join(repo, 'src/AstroBench.Cli/bin/Debug/net10.0/astrobench')].find(existsSync)!
let work = ''
let site = ''
let runId = ''

test.beforeAll(() => {
  if (!existsSync(join(repo, 'web/dist-static/index.html'))) throw new Error('web/dist-static is missing: run `npm run build:static` in web/ first')
  work = mkdtempSync(join(tmpdir(), 'astrobench-e2e-publish-'))
  const results = join(work, 'results')
  const run = execFileSync(cli, ['run', '--experiments', 'gmst_era', '--libraries', 'erfa,libnova', '--n', '300', '--perf-rounds', '3',
    '--results-dir', results, '--adapters-dir', join(repo, 'adapters')], { cwd: work, encoding: 'utf8' })
  runId = /run_id=(\S+)/.exec(run.split('\n').find((l) => l.includes('finish status=completed')) ?? '')![1]
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
