import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch } from '@/test/utils'
import { ApiError, apiFetch, qs } from './api'

afterEach(() => vi.unstubAllGlobals())

describe('apiFetch', () => {
  it('returns null for 204', async () => {
    mockFetch({ 'GET /api/benchmark/active': () => ({ status: 204 }) })
    expect(await apiFetch('/api/benchmark/active')).toBeNull()
  })
  it('turns problem details into ApiError with field errors in snake_case', async () => {
    mockFetch({ 'POST /x': () => ({ status: 422, body: { title: 'bad', errors: { PerfRounds: ['too many'], n: ['too small'] } } }) })
    const err = (await apiFetch('/x', { method: 'POST', json: {} }).catch((e) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(422)
    expect(err.fieldErrors).toEqual({ perf_rounds: ['too many'], n: ['too small'] })
  })
  it('keeps extra problem members such as active_job_id', async () => {
    mockFetch({ 'POST /api/benchmark/start': () => ({ status: 409, body: { title: 'busy', active_job_id: 'abc' } }) })
    const err = (await apiFetch('/api/benchmark/start', { method: 'POST', json: {} }).catch((e) => e)) as ApiError
    expect(err.problem?.active_job_id).toBe('abc')
    expect(err.message).toBe('busy')
  })
})

describe('qs', () => {
  it('skips empty values', () => {
    expect(qs({ a: 1, b: null, c: undefined, d: '' })).toBe('?a=1')
    expect(qs({})).toBe('')
  })
})
