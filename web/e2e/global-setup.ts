import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const repo = resolve(here, '..', '..')
export const stateFile = join(here, '.server-state.json')

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer()
    s.unref()
    s.on('error', rej)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => res(port))
    })
  })
}

function findCli(): string {
  const candidates = [
    process.env.ASTROBENCH_CLI,
    join(repo, 'src/AstroBench.Cli/bin/Debug/net10.0/astrobench'),
    join(repo, 'src/AstroBench.Cli/bin/Release/net10.0/astrobench'),
  ].filter((p): p is string => !!p)
  const hit = candidates.find((p) => existsSync(p))
  if (!hit) throw new Error(`astrobench CLI not found (tried ${candidates.join(', ')}); run: dotnet build ${join(repo, 'src/AstroBench.Cli')}`)
  return hit
}

export default async function globalSetup() {
  const dist = join(repo, 'web/dist/index.html')
  if (!existsSync(dist)) throw new Error('web/dist is missing: run `npm run build` in web/ first')
  const cli = findCli()
  const root = mkdtempSync(join(tmpdir(), 'astrobench-e2e-'))
  // The `gate` fixture adapter holds each call until a test creates <gates>/<experiment>.open or
  // <gates>/all.open (e2e/helpers.ts); outside the lab root so it never looks like a result.
  const gateDir = mkdtempSync(join(tmpdir(), 'astrobench-e2e-gates-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const server = spawn(cli, ['serve', '--root', root, '--port', String(port), '--web-dir', join(repo, 'web/dist')], {
    cwd: root,
    detached: true, // own process group: teardown stops the server and whatever it started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // real adapters plus the test fixtures (the `gate` library holds a job where a test wants it)
      AstroBench__AdapterDirs__0: join(repo, 'adapters'),
      AstroBench__AdapterDirs__1: join(repo, 'tests/fixtures/adapters'),
      // inherited by the orchestrator and its adapters
      ASTROBENCH_GATE_DIR: gateDir,
      ASPNETCORE_ENVIRONMENT: 'Production',
    },
  })
  let output = ''
  server.stdout!.on('data', (d) => (output += d))
  server.stderr!.on('data', (d) => (output += d))
  server.unref()
  ;(server.stdout as unknown as { unref?: () => void }).unref?.()
  ;(server.stderr as unknown as { unref?: () => void }).unref?.()

  const deadline = Date.now() + 60_000
  for (;;) {
    if (server.exitCode !== null) throw new Error(`astrobench serve exited with ${server.exitCode}:\n${output}`)
    try {
      const r = await fetch(`${url}/api/health`)
      if (r.ok) break
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      process.kill(-server.pid!, 'SIGKILL')
      throw new Error(`astrobench serve did not answer /api/health within 60 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  process.env.ASTROBENCH_E2E_URL = url
  process.env.ASTROBENCH_E2E_ROOT = root
  process.env.ASTROBENCH_E2E_GATE_DIR = gateDir
  writeFileSync(stateFile, JSON.stringify({ pid: server.pid, root, url, gateDir }))
  console.log(`[e2e] astrobench serve (pid ${server.pid}) at ${url}, lab root ${root}, gates ${gateDir}`)
}
