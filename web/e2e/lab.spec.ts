import { mkdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import {
  cancelButton,
  cancelledJob,
  completedRun,
  ensureIdle,
  fillForm,
  followedJob,
  openGate,
  resultFolders,
  runButton,
  shot,
  shots,
  startJob,
  waitAtGate,
  waitForStatus,
} from './helpers'

// Every test sets up the jobs and runs it needs (through the API where the UI is not under test)
// and waits on facts: a job's state from the API, a call held at the `gate` fixture's gate
// (tests/fixtures/adapters/gate), a URL. Nothing depends on how fast this machine is, and one
// failing test leaves the server idle for the next (afterEach). One job at a time: workers: 1.
mkdirSync(shots, { recursive: true })

const QUICK = { experiments: ['gmst_era'], libraries: ['libnova'], n: 100, ci: true }
// `gate` holds each of its calls until the test opens the experiment's gate.
const WATCHABLE = { ...QUICK, libraries: ['libnova', 'gate'] }
const HELD = { experiments: ['gmst_era', 'kepler_solver'], libraries: ['gate'], n: 20, noPerf: true }
// A completed run with accuracy and (CI-mode) performance results, made through the API.
const QUICK_RUN = { experiments: ['gmst_era'], libraries: ['libnova'], n: 100, ci_mode: true }

test.beforeEach(async ({ request }) => {
  await ensureIdle(request)
})
test.afterEach(async ({ request }) => {
  await ensureIdle(request)
})

test('normal execution: spinner, disabled button, progress, live log, redirect to the dashboard', async ({ page }) => {
  // Records, in the page, what the Run page showed last once the job had completed, up to the redirect
  // 2 s later: that redirect must not be a race with this test's polling, and the completed state may
  // arrive in more than one render (status first, then the run id and the redirect notice), so the
  // first completed render is not the one to check.
  await page.addInitScript(() => {
    const w = window as unknown as { __completed?: { url: string; text: string } }
    new MutationObserver(() => {
      if (location.pathname !== '/run') return
      const text = document.body?.innerText ?? ''
      if (text.includes('Benchmark completed successfully.')) w.__completed = { url: location.href, text }
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
  await page.goto('/run')
  await expect(runButton(page)).toBeEnabled()
  await expect(page.getByTestId('run-spinner')).toHaveCount(0)
  await shot(page, '01-run-idle')
  await fillForm(page, { ...WATCHABLE, notes: 'e2e normal run' })
  await runButton(page).click()

  // starting/running: disabled with spinner, job id in the status line
  const jobId = await followedJob(page)
  await expect(runButton(page)).toBeDisabled()
  await expect(page.getByTestId('run-spinner')).toBeVisible()
  await expect(page.getByTestId('job-status-line')).toContainText(jobId)

  // the gate holds the job in `running` until this test has seen everything it wants
  await waitAtGate('gmst_era')
  await expect(page.getByRole('button', { name: 'Cancel Execution' })).toBeVisible()
  await expect(page.getByTestId('job-status-line')).toContainText('Running')
  await expect(page.getByTestId('progress-text')).toContainText('0/1 experiments complete')
  await expect(page.getByRole('log', { name: 'Job log' })).toContainText('[RUN] start')
  await expect(runButton(page)).toBeDisabled()
  await expect(page.getByTestId('run-spinner')).toBeVisible()
  const cursor = await runButton(page).evaluate((el) => getComputedStyle(el).cursor)
  const opacity = await runButton(page).evaluate((el) => Number(getComputedStyle(el).opacity))
  expect(cursor).toBe('not-allowed')
  expect(opacity).toBeLessThan(1)
  await shot(page, '02-run-in-progress')

  openGate('gmst_era')
  // the page redirects to the dashboard on its own (2 s after it saw the completion)
  await page.waitForURL(/\/runs\/\d{4}-\d{2}-\d{2}_/, { timeout: 90_000 })
  const runId = decodeURIComponent(page.url().split('/runs/')[1])
  const seen = await page.evaluate(() => (window as unknown as { __completed?: { url: string; text: string } }).__completed)
  expect(seen?.url).toContain(`/run?job=${jobId}`)
  expect(seen?.text).toContain(runId)
  expect(seen?.text).toContain('opening the dashboard in 2 s')
  expect(seen?.text).toContain('[RUN] finish status=completed')
  expect(resultFolders()).toContain(runId)
  await expect(page.getByRole('table', { name: 'Results by experiment and library' })).toContainText('libnova')
  await expect(page.getByRole('table', { name: 'Results by experiment and library' })).toContainText('gate')

  // the completed job, opened again: success message, link to the run, full log, no redirect
  await page.goto(`/run?job=${jobId}`)
  await expect(page.getByText('Benchmark completed successfully.')).toBeVisible()
  await expect(page.getByRole('link', { name: runId })).toHaveAttribute('href', `/runs/${runId}`)
  await expect(page.getByRole('log', { name: 'Job log' })).toContainText('[RUN] finish status=completed')
  await expect(runButton(page)).toBeEnabled()
  await shot(page, '03-run-completed')
})

test('concurrent prevention: a second start shows the 409 message with a link to the running job', async ({ page, browser }) => {
  // A second tab opened before the job started (so it is not attached to it) and filled in.
  const other = await browser.newPage({ baseURL: test.info().project.use.baseURL })
  let jobId = ''
  try {
    await other.route('**/api/benchmark/active', (r) => r.fulfill({ status: 204 }))
    await other.goto('/run')
    await fillForm(other, QUICK)

    await page.goto('/run')
    await fillForm(page, HELD)
    await runButton(page).click()
    jobId = await followedJob(page)
    await waitAtGate('gmst_era')
    await expect(cancelButton(page)).toBeVisible()

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
    await expect(other.getByTestId('job-status-line')).toContainText('Cancelled')
    // the first tab sees it too, through its own stream
    await expect(page.getByTestId('job-status-line')).toContainText('Cancelled')
  } finally {
    await other.close() // also when the test fails
  }
  await waitForStatus(page.request, jobId, 'cancelled')
})

test('quick cancel: "Cancelling...", cancelled status, button re-enabled, no results folder', async ({ page }) => {
  const before = resultFolders()
  await page.goto('/run')
  await fillForm(page, HELD)
  await runButton(page).click()
  const jobId = await followedJob(page)
  // the gate stays closed: the job cannot finish on its own
  await waitAtGate('gmst_era')
  const cancel = page.getByRole('button', { name: 'Cancel Execution' })
  await expect(cancel).toBeVisible()

  // hold the cancel request in flight, so "Cancelling..." lasts until this test has looked at it
  let release: () => void = () => {}
  const released = new Promise<void>((r) => (release = r))
  await page.route(`**/api/benchmark/jobs/${jobId}/cancel*`, async (route) => {
    await released
    await route.continue()
  })
  await cancel.click()
  await expect(page.getByRole('button', { name: 'Cancelling...' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancelling...' })).toBeDisabled()
  await shot(page, '05-cancelling')
  release()

  await expect(page.getByTestId('job-status-line')).toContainText('Cancelled')
  await expect(page.getByRole('log', { name: 'Job log' })).toContainText('Benchmark execution cancelled by user.')
  await expect(runButton(page)).toBeEnabled()
  await expect(page.getByRole('button', { name: /Cancel/ })).toHaveCount(0)
  await shot(page, '06-cancelled')
  await waitForStatus(page.request, jobId, 'cancelled')
  expect(resultFolders()).toEqual(before)
})

test('mid-run cancel: after one experiment finished, no results folder is published', async ({ page }) => {
  const before = resultFolders()
  // gmst_era goes through, kepler_solver is held: "1/2 experiments complete" lasts until the cancel
  openGate('gmst_era')
  await page.goto('/run')
  await fillForm(page, HELD)
  await runButton(page).click()
  const jobId = await followedJob(page)
  await waitAtGate('kepler_solver')
  await expect(page.getByTestId('progress-text')).toContainText('1/2 experiments complete')
  await page.getByRole('button', { name: 'Cancel Execution' }).click()
  await expect(page.getByTestId('job-status-line')).toContainText('Cancelled')
  await expect(page.getByRole('log', { name: 'Job log' })).toContainText('Benchmark execution cancelled by user.')
  await expect(runButton(page)).toBeEnabled()
  await waitForStatus(page.request, jobId, 'cancelled')
  const job = await (await page.request.get(`/api/benchmark/jobs/${jobId}`)).json()
  expect(job.progress.experiments_done).toBe(1)
  expect(job.run_id).toBeNull()
  expect(resultFolders()).toEqual(before)
})

test('two back-to-back runs produce two distinct result folders', async ({ page }) => {
  const before = resultFolders()
  const jobs: string[] = []
  const runs: string[] = []
  for (let i = 0; i < 2; i++) {
    await page.goto('/run')
    await fillForm(page, { ...QUICK, noPerf: true, ci: false, notes: `e2e back-to-back ${i + 1}` })
    await runButton(page).click()
    jobs.push(await followedJob(page))
    await page.waitForURL(/\/runs\//, { timeout: 90_000 })
    runs.push(decodeURIComponent(page.url().split('/runs/')[1]))
  }
  expect(new Set(jobs).size).toBe(2)
  expect(new Set(runs).size).toBe(2)
  const added = resultFolders().filter((f) => !before.includes(f))
  expect(added.sort()).toEqual([...runs].sort())
})

test('page refresh mid-run re-attaches and the job completes', async ({ page }) => {
  await page.goto('/run')
  await fillForm(page, { ...HELD, experiments: ['gmst_era'] })
  await runButton(page).click()
  const jobId = await followedJob(page)
  await waitAtGate('gmst_era')
  await expect(page.getByRole('button', { name: 'Cancel Execution' })).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('job-status-line')).toContainText(jobId)
  await expect(page.getByRole('button', { name: 'Cancel Execution' })).toBeVisible()
  // coming back without ?job= also re-attaches
  await page.goto('/run')
  await expect(page).toHaveURL(new RegExp(`job=${jobId}`))
  await expect(page.getByRole('button', { name: 'Cancel Execution' })).toBeVisible()
  await shot(page, '07-reattached')
  openGate('gmst_era')
  await page.waitForURL(/\/runs\//, { timeout: 90_000 })
  await waitForStatus(page.request, jobId, 'completed')
  const job = await (await page.request.get(`/api/benchmark/jobs/${jobId}`)).json()
  expect(decodeURIComponent(page.url().split('/runs/')[1])).toBe(job.run_id)
})

test('job history: colours and text for completed, failed and cancelled, with View Logs', async ({ page, request }) => {
  const { jobId: completedId } = await completedRun(request, { experiments: ['gmst_era'], libraries: ['libnova'], n: 10, no_perf: true })
  // a failed job: invalid parameters reaching the orchestrator (unknown library → exit 2)
  const failedId = await startJob(request, { experiments: ['gmst_era'], libraries: ['nosuchlib'], n: 10 })
  await waitForStatus(request, failedId, 'failed')
  const cancelledId = await cancelledJob(request)

  await page.goto('/jobs')
  const expectations = [
    ['completed', completedId, 'Completed'],
    ['failed', failedId, 'Failed'],
    ['cancelled', cancelledId, 'Cancelled'],
  ] as const
  for (const [status, id, label] of expectations) {
    const row = page.locator(`tr[data-job-id="${id}"]`)
    await expect(row).toHaveAttribute('data-status', status)
    const badge = row.locator('[data-status]').first()
    await expect(badge).toHaveText(label)
    const tone = await badge.getAttribute('data-tone')
    expect(tone).toBe({ completed: 'green', failed: 'red', cancelled: 'orange' }[status])
  }
  // newest first
  const ids = await page.locator('tr[data-job-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-job-id')))
  expect(ids.indexOf(cancelledId)).toBeLessThan(ids.indexOf(failedId))
  expect(ids.indexOf(failedId)).toBeLessThan(ids.indexOf(completedId))
  await shot(page, '08-job-history')

  for (const [status, id] of expectations) {
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

test('results: runs list, dashboard, experiment detail with plots, performance matrix, compare', async ({ page, request }) => {
  const { runId: runA } = await completedRun(request, { ...QUICK_RUN, notes: 'e2e results A' })
  const { runId: runB } = await completedRun(request, { ...QUICK_RUN, notes: 'e2e results B' })

  await page.goto('/runs')
  for (const id of [runA, runB]) await expect(page.locator(`tr[data-run-id="${id}"]`)).toBeVisible()
  await shot(page, '10-runs')

  await page.goto(`/runs/${runA}`)
  await expect(page.getByRole('table', { name: 'Results by experiment and library' })).toContainText('gmst_era')
  await expect(page.getByRole('table', { name: 'Parity matrix' })).toBeVisible()
  await expect(page.locator('canvas').first()).toBeVisible()
  await shot(page, '11-run-dashboard')

  await page.goto(`/runs/${runA}/experiments/gmst_era`)
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('article', { name: 'libnova metrics' })).toBeVisible()
  await shot(page, '12-experiment-overview')
  await page.getByRole('tab', { name: 'Accuracy' }).click()
  await expect(page.getByRole('tab', { name: 'Accuracy' })).toHaveAttribute('aria-selected', 'true')
  await expect(page).toHaveURL(/tab=accuracy/)
  await expect(page.locator('canvas')).toHaveCount(2)
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

  await page.goto(`/runs/${runA}/performance`)
  await expect(page.getByRole('table', { name: /Performance matrix/ })).toContainText('gmst_era')
  await shot(page, '17-performance-matrix')

  await page.goto(`/compare?a=${runA}&b=${runB}`)
  await expect(page.getByRole('table', { name: 'Accuracy deltas' })).toContainText('libnova')
  await expect(page.getByTestId('compare-summary')).toBeVisible()
  await shot(page, '18-compare')
  // the checkbox is bound to the URL and shows its new state at the click
  await page.getByRole('checkbox', { name: 'Changed only' }).check()
  await expect(page.getByRole('checkbox', { name: 'Changed only' })).toBeChecked()
  await expect(page).toHaveURL(/changed=1/)
  await page.getByRole('checkbox', { name: 'Changed only' }).uncheck()
  await expect(page).not.toHaveURL(/changed=1/)

  // The machine-speed probe: the page shows what the server answered, whatever the machine's speed was (both branches
  // are this machine's possible states; neither depends on how fast it ran).
  const probeNs = (v: number) => `${Number(v.toPrecision(4))} ns/op`
  const machine = (await (await request.get(`/api/compare?run_a=${runA}&run_b=${runB}`)).json()).machine
  const machineBanner = page.getByRole('status').filter({ hasText: 'Machine speed differed between the runs' })
  if (machine) {
    const probe = page.getByRole('table', { name: 'Machine-speed probe of both runs' })
    await expect(probe).toContainText(probeNs(machine.baseline_probe_ns))
    await expect(probe).toContainText(probeNs(machine.candidate_probe_ns))
    await expect(machineBanner).toHaveCount(machine.differs ? 1 : 0)
  } else {
    await expect(page.getByText(/Not compared: a run has no machine-speed probe/)).toBeVisible()
    await expect(machineBanner).toHaveCount(0)
  }
  const runProbe = (await (await request.get(`/api/runs/${runA}`)).json()).manifest?.machine?.probe
  await page.goto(`/runs/${runA}`)
  if (runProbe) {
    await expect(page.getByRole('table', { name: 'Machine-speed probe' })).toContainText(probeNs(runProbe.median_ns))
    await expect(page.getByRole('status').filter({ hasText: 'Machine speed varied during timing' })).toHaveCount(runProbe.varied ? 1 : 0)
  } else {
    await expect(page.getByText(/No machine-speed probe recorded/)).toBeVisible()
  }

  // dark theme
  await page.goto(`/runs/${runA}`)
  await page.getByRole('button', { name: /Switch to dark theme/ }).click()
  await expect(page.locator('html')).toHaveClass(/dark/)
  await shot(page, '19-run-dashboard-dark')
  await page.getByRole('button', { name: /Switch to light theme/ }).click()
  await expect(page.locator('html')).not.toHaveClass(/dark/)
})
