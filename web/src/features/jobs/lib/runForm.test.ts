import { describe, expect, it } from 'vitest'
import { defaultRunForm, toStartRequest, validateRunForm } from './runForm'

describe('validateRunForm', () => {
  it('accepts the defaults', () => {
    expect(validateRunForm(defaultRunForm)).toEqual({})
  })
  it('checks N, seed, rounds and notes against the server limits', () => {
    const e = validateRunForm({ ...defaultRunForm, n: '0', seed: '-1', perfRounds: '51', notes: 'x'.repeat(2001) })
    expect(e.n).toMatch(/between 1 and 1,000,000/)
    expect(e.seed).toMatch(/between 0/)
    expect(e.perf_rounds).toMatch(/between 1 and 50/)
    expect(e.notes).toMatch(/2,000/)
  })
  it('rejects non-integers and empty values', () => {
    expect(validateRunForm({ ...defaultRunForm, n: '1.5' }).n).toMatch(/whole number/)
    expect(validateRunForm({ ...defaultRunForm, seed: '' }).seed).toMatch(/required/)
  })
  it('ignores perf rounds when perf is skipped', () => {
    expect(validateRunForm({ ...defaultRunForm, perfRounds: '0', noPerf: true })).toEqual({})
  })
  it('needs at least one experiment and library when "all" is off', () => {
    const e = validateRunForm({ ...defaultRunForm, allExperiments: false, allLibraries: false })
    expect(e.experiments).toBeDefined()
    expect(e.libraries).toBeDefined()
  })
})

describe('toStartRequest', () => {
  it('sends ["all"] and null libraries for the "all" choices', () => {
    expect(toStartRequest(defaultRunForm)).toEqual({
      experiments: ['all'],
      libraries: null,
      n: 1000,
      seed: 42,
      perf_rounds: 5,
      no_perf: false,
      ci_mode: false,
      notes: null,
    })
  })
  it('sends the picked lists', () => {
    const r = toStartRequest({ ...defaultRunForm, allExperiments: false, experiments: ['gmst_era'], allLibraries: false, libraries: ['libnova'], notes: 'hi' })
    expect(r).toMatchObject({ experiments: ['gmst_era'], libraries: ['libnova'], notes: 'hi' })
  })
})
