import { mkdirSync } from 'node:fs'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { ensureIdle, fillForm, openAllGates, runButton, shot, shots, startJob, waitAtGate, waitForStatus } from './helpers'

// The queue (docs/queue.md) in chromium against the real server. A timing job held at the gate
// fixture keeps the machine busy (a timing job is exclusive on any machine, whatever
// MaxParallelAccuracyJobs is), so enqueued jobs wait exactly as long as the test needs.
mkdirSync(shots, { recursive: true })

const QUEUED = { experiments: ['gmst_era'], libraries: ['libnova'], n: 50, noPerf: true }

async function cancelQueue(request: APIRequestContext) {
  const res = await request.get('/api/benchmark/queue')
  for (const job of (await res.json()) as { job_id: string }[]) await request.post(`/api/benchmark/jobs/${job.job_id}/cancel`)
}

test.beforeEach(async ({ request }) => {
  await cancelQueue(request)
  await ensureIdle(request)
})
test.afterEach(async ({ request }) => {
  await cancelQueue(request)
  await ensureIdle(request)
})

const queueTable = (page: Page) => page.getByRole('table', { name: 'Queued jobs in dispatch order' })

const queueOrder = (page: Page) =>
  queueTable(page)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-job-id')))

test('enqueue three jobs, raise one priority, and watch the order change; cancel from the panel', async ({ page, request }) => {
  const blocker = await startJob(request, { experiments: ['gmst_era'], libraries: ['gate'], n: 10, ci_mode: true })
  await waitAtGate('gmst_era')

  await page.goto('/run')
  await fillForm(page, QUEUED)
  const ids: string[] = []
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Enqueue' }).click()
    const status = page.getByRole('status').filter({ hasText: `queued at position ${i + 1}.` })
    await expect(status).toBeVisible()
    ids.push((await status.getByRole('link').innerText()).trim())
  }
  await expect.poll(() => queueOrder(page)).toEqual(ids)
  const last = queueTable(page).locator(`tr[data-job-id="${ids[2]}"]`)
  await expect(last.getByText('Queued')).toHaveAttribute('data-tone', 'grey')
  await shot(page, 'queue-01-three-enqueued')

  // Raise the last job's priority: it moves to the head of the queue.
  const priority = page.getByRole('spinbutton', { name: `Priority of job ${ids[2]}` })
  await priority.fill('10')
  await priority.press('Enter')
  await expect.poll(() => queueOrder(page)).toEqual([ids[2], ids[0], ids[1]])
  await expect(queueTable(page).locator(`tr[data-job-id="${ids[2]}"] td`).first()).toHaveText('1')
  await shot(page, 'queue-02-priority-raised')

  // The Job history page shows the same queue; cancelling from it ends the job without starting it.
  await page.goto('/jobs')
  await expect.poll(() => queueOrder(page)).toEqual([ids[2], ids[0], ids[1]])
  await page.getByRole('button', { name: `Cancel job ${ids[0]}` }).click()
  await expect.poll(() => queueOrder(page)).toEqual([ids[2], ids[1]])
  await waitForStatus(request, ids[0], 'cancelled')
  const cancelled = await (await request.get(`/api/benchmark/jobs/${ids[0]}`)).json()
  expect(cancelled.started_at).toBeNull()

  // The machine frees up: the queue drains in its new order.
  openAllGates()
  await waitForStatus(request, blocker, 'completed')
  for (const id of [ids[2], ids[1]]) await waitForStatus(request, id, 'completed')
  const first = await (await request.get(`/api/benchmark/jobs/${ids[2]}`)).json()
  const second = await (await request.get(`/api/benchmark/jobs/${ids[1]}`)).json()
  expect(Date.parse(first.started_at)).toBeLessThanOrEqual(Date.parse(second.started_at))
  await expect(page.getByText('The queue is empty')).toBeVisible()
})

test('while a job runs, Run Benchmark is disabled and Enqueue still queues (with a concurrency key)', async ({ page, request }) => {
  await startJob(request, { experiments: ['gmst_era'], libraries: ['gate'], n: 10, ci_mode: true })
  await waitAtGate('gmst_era')
  await page.goto('/run')
  await fillForm(page, QUEUED)
  await expect(runButton(page)).toBeDisabled()
  await page.getByRole('textbox', { name: 'Concurrency key (optional)' }).fill('e2e-nightly')
  await page.getByRole('button', { name: 'Enqueue' }).click()
  const first = page.getByRole('status').filter({ hasText: 'queued at position 1.' })
  await expect(first).toBeVisible()
  const older = (await first.getByRole('link').innerText()).trim()
  await page.getByRole('button', { name: 'Enqueue' }).click()
  // The newer pending job of the key supersedes the older one, which ends cancelled without starting.
  await expect.poll(async () => (await queueOrder(page)).length).toBe(1)
  await waitForStatus(request, older, 'cancelled')
  expect((await (await request.get(`/api/benchmark/jobs/${older}`)).json()).reason).toBe('superseded')
  await expect(queueTable(page).getByText('key e2e-nightly')).toBeVisible()
})
