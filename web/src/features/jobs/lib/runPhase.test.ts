import { describe, expect, it } from 'vitest'
import { deriveRunPhase, runControls, type RunPhase } from './runPhase'

const inputs = { cancelInFlight: false, cancellingForMs: 0 }

describe('deriveRunPhase', () => {
  it('is idle without a job', () => {
    expect(deriveRunPhase({ startPending: false, job: null })).toBe('idle')
  })
  it('is starting while the start request is in flight, whatever the old job was', () => {
    expect(deriveRunPhase({ startPending: true, job: { status: 'failed' } })).toBe('starting')
  })
  it.each([
    ['queued', 'starting'],
    ['starting', 'starting'],
    ['running', 'running'],
    ['cancelling', 'cancelling'],
    ['completed', 'completed'],
    ['failed', 'failed'],
    ['cancelled', 'cancelled'],
  ] as const)('maps job status %s to phase %s', (status, phase) => {
    expect(deriveRunPhase({ startPending: false, job: { status } })).toBe(phase)
  })
})

describe('runControls', () => {
  it('idle: Run enabled, no spinner, no cancel', () => {
    const c = runControls('idle', inputs)
    expect(c).toMatchObject({ runDisabled: false, spinner: false, showCancel: false, showKill: false, banner: null, runLabel: 'Run Benchmark' })
  })
  it('starting: Run disabled with spinner, no cancel yet', () => {
    expect(runControls('starting', inputs)).toMatchObject({ runDisabled: true, spinner: true, showCancel: false, runLabel: 'Starting...' })
  })
  it('running: Run disabled with spinner, Cancel Execution shown and enabled', () => {
    expect(runControls('running', inputs)).toMatchObject({
      runDisabled: true,
      spinner: true,
      showCancel: true,
      cancelLabel: 'Cancel Execution',
      cancelDisabled: false,
    })
  })
  it('running with the cancel request in flight: "Cancelling..." and disabled (no double click)', () => {
    expect(runControls('running', { ...inputs, cancelInFlight: true })).toMatchObject({ cancelLabel: 'Cancelling...', cancelDisabled: true })
  })
  it('cancelling: "Cancelling..." disabled; Kill now only after the threshold', () => {
    expect(runControls('cancelling', { cancelInFlight: false, cancellingForMs: 1000, killAfterMs: 4000 })).toMatchObject({
      cancelLabel: 'Cancelling...',
      cancelDisabled: true,
      showKill: false,
      runDisabled: true,
    })
    expect(runControls('cancelling', { cancelInFlight: false, cancellingForMs: 4000, killAfterMs: 4000 }).showKill).toBe(true)
  })
  it.each([
    ['completed', 'success', /completed successfully/],
    ['failed', 'error', /failed/],
    ['cancelled', 'warning', /cancelled by user/],
  ] as const)('%s: Run re-enabled, no spinner, no cancel, %s banner', (phase, tone, text) => {
    const c = runControls(phase as RunPhase, inputs)
    expect(c.runDisabled).toBe(false)
    expect(c.spinner).toBe(false)
    expect(c.showCancel).toBe(false)
    expect(c.banner?.tone).toBe(tone)
    expect(c.banner?.text).toMatch(text)
  })
  it('failed banner carries the reason', () => {
    expect(runControls('failed', { ...inputs, reason: 'exit code 2: unknown library' }).banner?.text).toContain('exit code 2: unknown library')
  })
})
