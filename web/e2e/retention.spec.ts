import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { shot } from './helpers'

// Issue 10 point 5 against the real server: pin, delete with a confirmation (and the 409 of a pinned
// run), and the Storage page's rules form with a 422 per field. Synthetic run folders dated 2020 keep
// clear of the runs other specs make; no valid rules are saved, so no other run is ever swept.
const PINNED = '2020-01-01_00-00-00'
const DOOMED = '2020-01-02_00-00-00'

function addRun(id: string) {
  const dir = join(process.env.ASTROBENCH_E2E_ROOT!, 'results', id, 'gmst_era')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, '..', 'manifest.json'), '{}')
  writeFileSync(join(dir, 'erfa.json'), 'x'.repeat(3000))
}

test('runs list: pin, delete with confirmation, 409 for a pinned run; storage rules show 422 per field', async ({ page, request }) => {
  addRun(PINNED)
  addRun(DOOMED)
  await request.post('/api/runs/reload')

  await page.goto('/runs')
  await page.getByRole('searchbox').fill('2020-01-0')
  const pinned = page.locator(`tr[data-run-id="${PINNED}"]`)
  await expect(pinned.getByRole('cell', { name: '2.9 KiB' })).toBeVisible()
  await pinned.getByRole('button', { name: `Pin ${PINNED}` }).click()
  await expect(pinned.getByRole('button', { name: `Unpin ${PINNED}` })).toHaveAttribute('aria-pressed', 'true')

  await pinned.getByRole('button', { name: `Delete ${PINNED}` }).click()
  const dialog = page.getByRole('dialog', { name: `Delete run ${PINNED}?` })
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(dialog.getByRole('alert')).toContainText('is pinned; unpin it first')
  await shot(page, '20-runs-delete-pinned')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()

  await page.locator(`tr[data-run-id="${DOOMED}"]`).getByRole('button', { name: `Delete ${DOOMED}` }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(page.locator(`tr[data-run-id="${DOOMED}"]`)).toHaveCount(0)
  expect(existsSync(join(process.env.ASTROBENCH_E2E_ROOT!, 'results', DOOMED))).toBe(false)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Storage' }).click()
  // Disk usage from the real GET /api/storage: the lab's own results folder and its figures.
  await expect(page.getByText(join(process.env.ASTROBENCH_E2E_ROOT!, 'results'), { exact: true })).toBeVisible()
  await expect(page.getByText('Job database')).toBeVisible()
  const keep = page.getByLabel(/Keep the last N runs/)
  await keep.fill('0')
  await page.getByRole('button', { name: 'Save rules' }).click()
  await expect(page.getByText(/keep_last must be between 1 and/)).toBeVisible()
  await expect(keep).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('table', { name: 'Runs a sweep would remove' })).toContainText('Nothing to remove under the current rules.')
  await shot(page, '21-storage')

  expect((await request.post(`/api/runs/${PINNED}/unpin`)).status()).toBe(200)
  expect((await request.delete(`/api/runs/${PINNED}`)).status()).toBe(204)
})
