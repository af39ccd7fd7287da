import { describe, expect, it } from 'vitest'
import { limits } from '@/test/fixtures'
import { defaultRunForm as makeDefault, toStartRequest, validateRunForm as validate, type RunFormValues } from './runForm'

const defaultRunForm = makeDefault(limits)
const validateRunForm = (v: RunFormValues) => validate(v, limits)

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
  it('follows the limits the server serves, not constants of its own', () => {
    const tight = { ...limits, n: { min: 10, max: 500, default: 50 }, max_notes_length: 5, max_libraries: 1 }
    expect(makeDefault(tight).n).toBe('50')
    const e = validate({ ...makeDefault(tight), n: '501', notes: 'abcdef', allLibraries: false, libraries: ['a', 'b'] }, tight)
    expect(e.n).toBe('N must be between 10 and 500.')
    expect(e.notes).toMatch(/limited to 5 characters/)
    expect(e.libraries).toBe('At most 1 libraries.')
    expect(validate({ ...makeDefault(tight), n: '9' }, tight).n).toMatch(/between 10 and 500/)
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
