import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { ensureIdle } from './helpers'

// Benchmark (not a test): how long until the Runs page and a run dashboard are usable with 1,000
// run folders in the lab root, measured in the browser from navigation start. Prints a table and
// writes e2e/test-results/bench-1000-runs.json.
const RUNS = 1000
const REPEATS = 5

test('1,000 runs: time to usable Runs page and run dashboard', async ({ page }) => {
  test.setTimeout(600_000)
  await ensureIdle(page.request)
  // one real run to clone
  const res = await page.request.post('/api/benchmark/start', {
    data: { experiments: ['gmst_era', 'kepler_solver'], libraries: ['libnova'], n: 1000, ci_mode: true },
  })
  expect(res.status()).toBe(200)
  const id = (await res.json()).job_id
  await expect.poll(async () => (await (await page.request.get(`/api/benchmark/jobs/${id}`)).json()).status, { timeout: 120_000 }).toBe('completed')
  const results = join(process.env.ASTROBENCH_E2E_ROOT!, 'results')
  const [seed] = readdirSync(results).filter((n) => !n.startsWith('.'))
  const base = Date.UTC(2020, 0, 1)
  for (let i = 0; i < RUNS - 1; i++) {
    const d = new Date(base + i * 3_600_000)
    const rid = d.toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-')
    cpSync(join(results, seed), join(results, rid), { recursive: true })
    const mPath = join(results, rid, 'manifest.json')
    const m = JSON.parse(readFileSync(mPath, 'utf8'))
    m.run_id = rid
    m.started_at = d.toISOString()
    writeFileSync(mPath, JSON.stringify(m))
  }
  await page.request.post('/api/runs/reload')
  const listed = await (await page.request.get('/api/runs')).json()
  expect(listed.length).toBe(RUNS)

  const measure = async (url: string, ready: () => Promise<void>) => {
    const times: number[] = []
    for (let i = 0; i < REPEATS; i++) {
      await page.goto('about:blank')
      const t0 = Date.now()
      await page.goto(url)
      await ready()
      times.push(Date.now() - t0)
    }
    times.sort((a, b) => a - b)
    return { median_ms: times[Math.floor(times.length / 2)], min_ms: times[0], max_ms: times[times.length - 1], samples_ms: times }
  }
  const runsPage = await measure('/runs', async () => {
    await expect(page.getByTestId('runs-count')).toHaveText(`${RUNS} runs`)
    await expect(page.locator('tr[data-run-id]').first()).toBeVisible()
  })
  const dashboard = await measure(`/runs/${seed}`, async () => {
    await expect(page.getByRole('table', { name: 'Results by experiment and library' })).toContainText('libnova')
    await expect(page.locator('canvas').first()).toBeVisible()
  })
  const out = { runs: RUNS, repeats: REPEATS, runs_page: runsPage, run_dashboard: dashboard }
  console.log(`[bench] ${JSON.stringify(out, null, 2)}`)
  writeFileSync(join(import.meta.dirname, 'test-results', 'bench-1000-runs.json'), JSON.stringify(out, null, 2))
})
