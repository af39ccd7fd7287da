import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'

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

/** Waits until the server reports no active job (between tests). */
export async function waitIdle(page: Page, timeoutMs = 60_000) {
  await expect
    .poll(async () => (await page.request.get('/api/benchmark/active')).status(), { timeout: timeoutMs })
    .toBe(204)
}
