import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from './api'
import { derive, resetDerived } from './staticDerived'

// What a published site's files hold (docs/publish-import.md), and a loader over them that counts what it is asked.
function site(files: Record<string, unknown>) {
  const asked: string[] = []
  const load = (url: string) => {
    asked.push(url)
    return url in files ? Promise.resolve(files[url]) : Promise.reject(new ApiError(404, null, 'not published'))
  }
  return { asked, load }
}

const base = '/api/runs/r1/experiments/gmst_era/cases'
const cases = {
  [`${base}#published`]: {
    columns: ['index', 'jd', 'erfa.x', 'libnova.x'],
    total: 5,
    rows: 4,
    chunks: [
      { id: 'in', columns: [0, 1] },
      { id: 'lib', columns: [3, 2] },
    ],
  },
  '/chunks/in': [
    [0, 1, 2, 3],
    [10, 11, 12, 13],
  ],
  '/chunks/lib': [
    [0.3, 0.31, null, 0.33],
    [0.1, 0.11, 0.12, 0.13],
  ],
}

afterEach(resetDerived)

describe('derive', () => {
  it('answers a cases page from the export and its chunks, columns in the export order', async () => {
    const s = site(cases)
    await expect(derive(`${base}?offset=1&limit=2`, s.load)).resolves.toEqual({
      columns: ['index', 'jd', 'erfa.x', 'libnova.x'],
      rows: [
        [1, 11, 0.11, 0.31],
        [2, 12, 0.12, null],
      ],
      offset: 1,
      limit: 2,
      total: 5,
    })
  })

  it('puts the columns together once for every page of an experiment', async () => {
    const s = site(cases)
    await derive(`${base}?offset=0&limit=5000`, s.load)
    await derive(`${base}?offset=0&limit=100`, s.load)
    expect(s.asked.filter((u) => u.startsWith('/chunks/'))).toEqual(['/chunks/in', '/chunks/lib'])
  })

  it('is a 404 for a page past the published cases and an empty page past the last case', async () => {
    const s = site(cases)
    const err = await derive(`${base}?offset=4&limit=100`, s.load)!.catch((e: unknown) => e)
    expect((err as ApiError).status).toBe(404)
    await expect(derive(`${base}?offset=5&limit=100`, s.load)).resolves.toMatchObject({ rows: [], total: 5 })
  })

  it('filters the all-testbeds history and series by testbed, and the regressions by state', async () => {
    const s = site({
      '/api/history?experiment=gmst_era&library=libnova&order=time': [{ testbed: 'a' }, { testbed: 'b' }],
      '/api/history/series': [{ testbed: 'a' }, { testbed: 'b' }],
      '/api/regressions': [{ state: 'open' }, { state: 'acknowledged' }],
    })
    await expect(derive('/api/history?experiment=gmst_era&library=libnova&testbed=b&order=time', s.load)).resolves.toEqual([{ testbed: 'b' }])
    await expect(derive('/api/history/series?testbed=a', s.load)).resolves.toEqual([{ testbed: 'a' }])
    await expect(derive('/api/regressions?state=acknowledged', s.load)).resolves.toEqual([{ state: 'acknowledged' }])
  })

  it('leaves a URL that is a file of its own to the loader', () => {
    for (const url of ['/api/runs', '/api/regressions', '/api/history?experiment=e&library=l&order=time', '/api/regressions?state=open&kind=accuracy']) {
      expect(derive(url, site({}).load)).toBeNull()
    }
  })
})
