import { mkdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { cancelButton, fillForm, resultFolders, runButton, shot, shots, waitIdle } from './helpers'

// One lab root for the whole file; the tests build on each other's runs and jobs.
test.describe.configure({ mode: 'serial' })
mkdirSync(shots, { recursive: true })

const runIds: string[] = []
const jobIds: Record<'completed' | 'failed' | 'cancelled', string[]> = { completed: [], failed: [], cancelled: [] }

const QUICK = { experiments: ['gmst_era'], libraries: ['libnova'], n: 100, ci: true }
// `slow` (tests/fixtures/adapters) sleeps ASTROBENCH_SLOW_SECONDS per call, so a job runs long enough to watch.
const WATCHABLE = { ...QUICK, libraries: ['libnova', 'slow'] }
const SLOW = { experiments: ['gmst_era', 'kepler_solver'], libraries: ['slow'], n: 20, noPerf: true }

test.beforeEach(async ({ page }) => {
  await waitIdle(page)
})

test('normal execution: spinner, disabled button, progress, live log, redirect to the dashboard', async ({ page }) => {
  await page.goto('/run')
  await expect(runButton(page)).toBeEnabled()
  await expect(page.getByTestId('run-spinner')).toHaveCount(0)
  await shot(page, '01-run-idle')
  await fillForm(page, { ...WATCHABLE, notes: 'e2e normal run' })
  await runButton(page).click()

  // starting/running: disabled with spinner, job id in the status line
  await expect(page).toHaveURL(/\/run\?job=[0-9a-f]{12}/)
  const jobId = new URL(page.url()).searchParams.get('job')!
  await expect(runButton(page)).toBeDisabled()
  await expect(page.getByTestId('run-spinner')).toBeVisible()
  await expect(page.getByTestId('job-status-line')).toContainText(jobId)
  await expect(page.getByRole('button', { name: 'Cancel Execution' })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('job-status-line')).toContainText('Running')
  await expect(page.getByRole('log', { name: 'Job log' })).toContainText('[RUN] start')
  const cursor = await runButton(page).evaluate((el) => getComputedStyle(el).cursor)
  const opacity = await runButton(page).evaluate((el) => Number(getComputedStyle(el).opacity))
  expect(cursor).toBe('not-allowed')
  expect(opacity).toBeLessThan(1)
  await shot(page, '02-run-in-progress')

  await expect(page.getByText('Benchmark completed successfully.')).toBeVisible({ timeout: 90_000 })
  await shot(page, '03-run-completed')
  await expect(page.getByRole('log', { name: 'Job log' })).toContainText('[RUN] finish status=completed')
  // redirect after ~2 s
  await page.waitForURL(/\/runs\/\d{4}-\d{2}-\d{2}_/, { timeout: 10_000 })
  const runId = decodeURIComponent(page.url().split('/runs/')[1])
  runIds.push(runId)
  jobIds.completed.push(jobId)
  expect(resultFolders()).toContain(runId)
  await expect(page.getByRole('table', { name: 'Results by experiment and library' })).toContainText('libnova')
})

test('concurrent prevention: a second start shows the 409 message with a link to the running job', async ({ page, browser }) => {
  // A second tab opened before the job started (so it is not attached to it) and filled in.
  const other = await browser.newPage({ baseURL: test.info().project.use.baseURL })
  await other.route('**/api/benchmark/active', (r) => r.fulfill({ status: 204 }))
  await other.goto('/run')
  await fillForm(other, QUICK)

  await page.goto('/run')
  await fillForm(page, SLOW)
  await runButton(page).click()
  await expect(cancelButton(page)).toBeVisible({ timeout: 20_000 })
  const jobId = new URL(page.url()).searchParams.get('job')!

  await runButton(other).click()
  const alert = other.getByRole('status').filter({ hasText: 'A benchmark is already running' })
  await expect(alert).toBeVisible()
  const link = alert.getByRole('link', { name: new RegExp(jobId) })
  await expect(link).toHaveAttribute('href', `/run?job=${jobId}`)
  await expect(runButton(other)).toBeEnabled()
  await shot(other, '04-conflict-409')

  // the link attaches the second tab to the running job; cancel it from there
  await link.click()
  await expect(other.getByTestId('job-status-line')).toContainText(jobId)
  await other.getByRole('button', { name: 'Cancel Execution' }).click()
  await expect(other.getByTestId('job-status-line')).toContainText('Cancelled', { timeout: 20_000 })
  // the first tab sees it too, through its own stream
  await expect(page.getByTestId('job-status-line')).toContainText('Cancelled', { timeout: 20_000 })
  await other.close()
  jobIds.cancelled.push(jobId)
})

test('quick cancel: "Cancelling...", cancelled status, button re-enabled, no results folder', async ({ page }) => {
  const before = resultFolders()
  await page.goto('/run')
  await fillForm(page, SLOW)
  await runButton(page).click()
  const cancel = page.getByRole('button', { name: 'Cancel Execution' })
  await expect(cancel).toBeVisible({ timeout: 20_000 })
  const jobId = new URL(page.url()).searchParams.get('job')!
  await cancel.click()
  await expect(page.getByRole('button', { name: 'Cancelling...' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancelling...' })).toBeDisabled()
  await shot(page, '05-cancelling')
  await expect(page.getByTestId('job-status-line')).toContainText('Cancelled', { timeout: 15_000 })
  await expect(page.getByRole('log', { name: 'Job log' })).toContainText('Benchmark execution cancelled by user.')
  await expect(runButton(page)).toBeEnabled()
  await expect(page.getByRole('button', { name: /Cancel/ })).toHaveCount(0)
  await shot(page, '06-cancelled')
  expect(resultFolders()).toEqual(before)
  jobIds.cancelled.push(jobId)
})

test('mid-run cancel: after one experiment finished, no results folder is published', async ({ page }) => {
  const before = resultFolders()
  await page.goto('/run')
  await fillForm(page, SLOW)
  await runButton(page).click()
  await expect(page.getByTestId('progress-text')).toContainText('1/2 experiments complete', { timeout: 60_000 })
  const jobId = new URL(page.url()).searchParams.get('job')!
  await page.getByRole('button', { name: 'Cancel Execution' }).click()
  await expect(page.getByTestId('job-status-line')).toContainText('Cancelled', { timeout: 15_000 })
  await expect(page.getByRole('log', { name: 'Job log' })).toContainText('Benchmark execution cancelled by user.')
  await expect(runButton(page)).toBeEnabled()
  expect(resultFolders()).toEqual(before)
  jobIds.cancelled.push(jobId)
})

test('two runs within a minute produce two folders', async ({ page }) => {
  const started = Date.now()
  const before = resultFolders()
  for (let i = 0; i < 2; i++) {
    await page.goto('/run')
    await fillForm(page, { ...QUICK, noPerf: true, ci: false, notes: `e2e back-to-back ${i + 1}` })
    await runButton(page).click()
    await expect(page).toHaveURL(/job=/)
    jobIds.completed.push(new URL(page.url()).searchParams.get('job')!)
    await page.waitForURL(/\/runs\//, { timeout: 90_000 })
    runIds.push(decodeURIComponent(page.url().split('/runs/')[1]))
  }
  expect(Date.now() - started).toBeLessThan(60_000)
  const added = resultFolders().filter((f) => !before.includes(f))
  expect(added).toHaveLength(2)
  expect(new Set(added).size).toBe(2)
})

test('page refresh mid-run re-attaches and the job completes', async ({ page }) => {
  await page.goto('/run')
  await fillForm(page, { ...SLOW, experiments: ['gmst_era'] })
  await runButton(page).click()
  await expect(page.getByRole('button', { name: 'Cancel Execution' })).toBeVisible({ timeout: 20_000 })
  const jobId = new URL(page.url()).searchParams.get('job')!
  await page.reload()
  await expect(page.getByTestId('job-status-line')).toContainText(jobId)
  await expect(page.getByRole('button', { name: 'Cancel Execution' })).toBeVisible()
  // coming back without ?job= also re-attaches
  await page.goto('/run')
  await expect(page).toHaveURL(new RegExp(`job=${jobId}`))
  await shot(page, '07-reattached')
  await page.waitForURL(/\/runs\//, { timeout: 90_000 })
  runIds.push(decodeURIComponent(page.url().split('/runs/')[1]))
  jobIds.completed.push(jobId)
  const job = await (await page.request.get(`/api/benchmark/jobs/${jobId}`)).json()
  expect(job.status).toBe('completed')
})

test('job history: colours and text for completed, failed and cancelled, with View Logs', async ({ page }) => {
  // a failed job: invalid parameters reaching the orchestrator (unknown library → exit 2)
  const res = await page.request.post('/api/benchmark/start', { data: { experiments: ['gmst_era'], libraries: ['nosuchlib'], n: 10 } })
  expect(res.status()).toBe(200)
  const failedId = (await res.json()).id as string
  await expect.poll(async () => (await (await page.request.get(`/api/benchmark/jobs/${failedId}`)).json()).status, { timeout: 30_000 }).toBe('failed')
  jobIds.failed.push(failedId)

  await page.goto('/jobs')
  const expectations = [
    ['completed', jobIds.completed[0], 'Completed', 'rgb(22, 101, 52)'], // green-800 text
    ['failed', failedId, 'Failed', null],
    ['cancelled', jobIds.cancelled[0], 'Cancelled', null],
  ] as const
  for (const [status, id, label] of expectations) {
    const row = page.locator(`tr[data-job-id="${id}"]`)
    await expect(row).toHaveAttribute('data-status', status)
    const badge = row.locator('[data-status]').first()
    await expect(badge).toHaveText(label)
    const tone = await badge.getAttribute('data-tone')
    expect(tone).toBe({ completed: 'green', failed: 'red', cancelled: 'orange' }[status])
  }
  await shot(page, '08-job-history')

  for (const [status, id] of [['completed', jobIds.completed[0]], ['failed', failedId], ['cancelled', jobIds.cancelled[0]]] as const) {
    await page.goto('/jobs')
    await page.locator(`tr[data-job-id="${id}"]`).getByRole('link', { name: 'View Logs' }).click()
    await expect(page).toHaveURL(new RegExp(`/jobs/${id}$`))
    const log = page.getByRole('log', { name: 'Job log' })
    await expect(log).not.toContainText('No output yet.')
    if (status === 'cancelled') await expect(log).toContainText('Benchmark execution cancelled by user.')
    if (status === 'failed') await expect(page.getByText(/exit code|nosuchlib/i).first()).toBeVisible()
    await shot(page, `09-job-logs-${status}`)
  }
})

test('results: runs list, dashboard, experiment detail with plots, performance matrix, compare', async ({ page }) => {
  await page.goto('/runs')
  for (const id of runIds) await expect(page.locator(`tr[data-run-id="${id}"]`)).toBeVisible()
  await shot(page, '10-runs')

  const runId = runIds[0]
  await page.goto(`/runs/${runId}`)
  await expect(page.getByRole('table', { name: 'Results by experiment and library' })).toContainText('gmst_era')
  await expect(page.getByRole('table', { name: 'Parity matrix' })).toBeVisible()
  await expect(page.locator('canvas').first()).toBeVisible()
  await shot(page, '11-run-dashboard')

  await page.goto(`/runs/${runId}/experiments/gmst_era`)
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('article', { name: 'libnova metrics' })).toBeVisible()
  await shot(page, '12-experiment-overview')
  await page.getByRole('tab', { name: 'Accuracy' }).click()
  await expect(page.locator('canvas')).toHaveCount(2, { timeout: 20_000 })
  await shot(page, '13-experiment-accuracy')
  // keyboard: arrow keys move between tabs
  await page.getByRole('tab', { name: 'Accuracy' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Performance' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('table', { name: 'Performance per library' })).toBeVisible()
  await shot(page, '14-experiment-performance')
  await page.getByRole('tab', { name: 'Outliers' }).click()
  await expect(page.getByRole('table', { name: 'Per-case inputs, outputs and errors' })).toBeVisible()
  await shot(page, '15-experiment-outliers')
  await page.getByRole('tab', { name: 'Assumptions' }).click()
  await expect(page.getByText('Alignment checklist')).toBeVisible()
  await shot(page, '16-experiment-assumptions')

  await page.goto(`/runs/${runId}/performance`)
  await expect(page.getByRole('table', { name: /Performance matrix/ })).toContainText('gmst_era')
  await shot(page, '17-performance-matrix')

  await page.goto(`/compare?a=${runIds[0]}&b=${runIds[1]}`)
  await expect(page.getByRole('table', { name: 'Accuracy deltas' })).toContainText('libnova')
  await expect(page.getByTestId('compare-summary')).toBeVisible()
  await shot(page, '18-compare')
  await page.getByRole('checkbox', { name: 'Changed only' }).check()
  await expect(page).toHaveURL(/changed=1/)

  // dark theme
  await page.goto(`/runs/${runId}`)
  await page.getByRole('button', { name: /Switch to dark theme/ }).click()
  await expect(page.locator('html')).toHaveClass(/dark/)
  await shot(page, '19-run-dashboard-dark')
  await page.getByRole('button', { name: /Switch to light theme/ }).click()
})
