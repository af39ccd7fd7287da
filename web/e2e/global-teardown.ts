import { existsSync, readFileSync, rmSync } from 'node:fs'
import { stateFile } from './global-setup'

export default async function globalTeardown() {
  if (!existsSync(stateFile)) return
  const { pid, root, gateDir } = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number; root: string; gateDir?: string }
  try {
    process.kill(-pid, 'SIGTERM')
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + 5000
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0)
    } catch {
      break
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    /* gone */
  }
  rmSync(stateFile, { force: true })
  if (!process.env.ASTROBENCH_E2E_KEEP) {
    rmSync(root, { recursive: true, force: true })
    if (gateDir) rmSync(gateDir, { recursive: true, force: true })
  }
}
