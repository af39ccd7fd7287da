import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type APIRequestContext, type Page } from '@playwright/test'

export const shots = join(import.meta.dirname ?? __dirname, 'screenshots')

export function resultFolders(): string[] {
  const root = process.env.ASTROBENCH_E2E_ROOT!
  try {
    return readdirSync(join(root, 'results')).filter((n) => !n.startsWith('.')).sort()
  } catch {
    return []
  }
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
}

// ── Gates (tests/fixtures/adapters/gate) ─────────────────────────────────────────────────────
// A call of the `gate` library is held until the test opens its gate, so a job stays in a state
// for exactly as long as the test needs it: no sleeps, no dependence on this machine's speed.

export const gateDir = () => process.env.ASTROBENCH_E2E_GATE_DIR!

/** Lets every held and future call for `experiment` through. */
export const openGate = (experiment: string) => writeFileSync(join(gateDir(), `${experiment}.open`), '')

/** Lets every call through (any experiment). */
export const openAllGates = () => writeFileSync(join(gateDir(), 'all.open'), '')

/** Waits until a call for `experiment` is held at its gate (the job is running and cannot move on). */
export async function waitAtGate(experiment: string) {
  await expect.poll(() => existsSync(join(gateDir(), `${experiment}.waiting`)), { timeout: 60_000 }).toBe(true)
}

function clearGates() {
  rmSync(gateDir(), { recursive: true, force: true })
  mkdirSync(gateDir(), { recursive: true })
}

// ── Jobs through the API ─────────────────────────────────────────────────────────────────────

export interface StartBody {
  experiments: string[]
  libraries: string[] | null
  n?: number
  no_perf?: boolean
  ci_mode?: boolean
  notes?: string
}

export async function startJob(request: APIRequestContext, body: StartBody): Promise<string> {
  const res = await request.post('/api/benchmark/start', { data: body })
  expect(res.status(), await res.text()).toBe(200)
  return (await res.json()).job_id as string
}

export async function jobStatus(request: APIRequestContext, jobId: string): Promise<string> {
  const res = await request.get(`/api/benchmark/jobs/${jobId}`)
  expect(res.status()).toBe(200)
  return (await res.json()).status as string
}

/** Waits (by polling the API) until the job reaches `status`. */
export async function waitForStatus(request: APIRequestContext, jobId: string, status: string, timeout = 90_000) {
  await expect.poll(() => jobStatus(request, jobId), { timeout }).toBe(status)
}

/** Starts a job and waits for it to complete; returns its job id and run id. */
export async function completedRun(request: APIRequestContext, body: StartBody): Promise<{ jobId: string; runId: string }> {
  const jobId = await startJob(request, body)
  await waitForStatus(request, jobId, 'completed')
  const job = await (await request.get(`/api/benchmark/jobs/${jobId}`)).json()
  expect(job.run_id).toBeTruthy()
  return { jobId, runId: job.run_id as string }
}

/** A job that is held at the gate, then cancelled through the API. */
export async function cancelledJob(request: APIRequestContext): Promise<string> {
  const jobId = await startJob(request, { experiments: ['gmst_era'], libraries: ['gate'], n: 10, no_perf: true })
  await waitAtGate('gmst_era')
  const res = await request.post(`/api/benchmark/jobs/${jobId}/cancel`)
  expect(res.status()).toBe(200)
  await waitForStatus(request, jobId, 'cancelled')
  return jobId
}

/**
 * Leaves the server idle whatever the test did: opens every gate, cancels the active job if
 * there is one, waits for `GET /api/benchmark/active` to answer 204, then closes the gates again.
 */
export async function ensureIdle(request: APIRequestContext) {
  openAllGates()
  const active = await request.get('/api/benchmark/active')
  if (active.status() === 200) {
    const { job_id } = await active.json()
    // 409 when it finished in the meantime: fine, it is no longer active
    await request.post(`/api/benchmark/jobs/${job_id}/cancel`)
  }
  await expect.poll(async () => (await request.get('/api/benchmark/active')).status(), { timeout: 60_000 }).toBe(204)
  clearGates()
}

// ── The Run Benchmarks form ──────────────────────────────────────────────────────────────────

export interface RunOptions {
  experiments: string[]
  libraries: string[]
  n?: number
  noPerf?: boolean
  ci?: boolean
  notes?: string
}

/** Fills the Run Benchmarks form (page must be on /run). */
export async function fillForm(page: Page, o: RunOptions) {
  await expect(page.getByRole('checkbox', { name: /All experiments/ })).toBeVisible()
  await page.getByRole('checkbox', { name: /All experiments/ }).uncheck()
  for (const e of o.experiments) await page.getByRole('checkbox', { name: new RegExp(`^${e} `) }).check()
  await page.getByRole('checkbox', { name: /All available libraries/ }).uncheck()
  for (const l of o.libraries) await page.getByRole('checkbox', { name: new RegExp(`^${l} `) }).check()
  await page.getByLabel(/^N \(cases/).fill(String(o.n ?? 100))
  if (o.noPerf) await page.getByRole('checkbox', { name: /Skip performance/ }).check()
  if (o.ci) await page.getByRole('checkbox', { name: /CI mode/ }).check()
  if (o.notes) await page.getByLabel('Notes').fill(o.notes)
}

export const runButton = (page: Page) => page.getByRole('button', { name: /Run Benchmark|Starting|Running/ })
export const cancelButton = (page: Page) => page.getByRole('button', { name: /Cancel Execution|Cancelling/ })

/** The job the Run page follows (from `?job=`). */
export async function followedJob(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/run\?job=[0-9a-f]{12}/)
  return new URL(page.url()).searchParams.get('job')!
}
