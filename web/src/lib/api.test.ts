import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch } from '@/test/utils'
import { ApiError, apiFetch, apiRequest, qs } from './api'
import { ShapeError, int, obj } from './decode'

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

describe('apiRequest', () => {
  const parse = (v: unknown) => ({ n: int(obj(v, 'body').n, 'body.n') })
  it('returns the checked body with the headers', async () => {
    mockFetch({ 'GET /x': () => ({ body: { n: 3 }, headers: { 'X-Total-Count': '7' } }) })
    const res = await apiRequest('/x', { parse })
    expect(res.body).toEqual({ n: 3 })
    expect(res.headers.get('X-Total-Count')).toBe('7')
  })
  it('rejects a body of another shape', async () => {
    mockFetch({ 'GET /x': () => ({ body: { n: 'three' } }) })
    const err = await apiRequest('/x', { parse }).catch((e) => e)
    expect(err).toBeInstanceOf(ShapeError)
    expect(err.message).toMatch(/body\.n should be an integer/)
  })
})

describe('qs', () => {
  it('skips empty values', () => {
    expect(qs({ a: 1, b: null, c: undefined, d: '' })).toBe('?a=1')
    expect(qs({})).toBe('')
  })
})
