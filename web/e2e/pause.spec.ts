import { mkdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { ensureIdle, jobStatus, openAllGates, openGate, shot, shots, startJob, waitAtGate, waitForStatus } from './helpers'

// Pause and resume one job from its detail page (docs/pause.md) in chromium against the real server.
// The gate fixture holds the job in gmst_era, so the pause lands at a known boundary.
mkdirSync(shots, { recursive: true })

let jobId: string | null = null

test.beforeEach(async ({ request }) => ensureIdle(request))
test.afterEach(async ({ request }) => {
  // A paused job does not hold the machine; cancel it so the next test starts clean.
  if (jobId && (await jobStatus(request, jobId)) === 'paused') await request.post(`/api/benchmark/jobs/${jobId}/cancel`)
  await ensureIdle(request)
})

test('pause and resume one', async ({ page, request }) => {
  jobId = await startJob(request, { experiments: ['gmst_era', 'kepler_solver'], libraries: ['gate'], n: 10, no_perf: true })
  await waitAtGate('gmst_era')
  await page.goto(`/jobs/${jobId}`)

  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Pausing after the current experiment' })).toBeVisible()
  await shot(page, 'pause-01-requested')
  openGate('gmst_era')
  await waitForStatus(request, jobId, 'paused')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Paused')
  await shot(page, 'pause-02-paused')

  openAllGates()
  await page.getByRole('button', { name: 'Resume' }).click()
  await waitForStatus(request, jobId, 'completed')
  const job = await (await request.get(`/api/benchmark/jobs/${jobId}`)).json()
  expect(job.run_id).toBeTruthy()
  const history = await (await request.get(`/api/benchmark/jobs/${jobId}/history`)).json()
  expect((history as { to: string }[]).map((h) => h.to)).toEqual(['queued', 'starting', 'running', 'paused', 'queued', 'starting', 'running', 'completed'])
})
