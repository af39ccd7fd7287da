import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch } from '@/test/utils'
import { getExperimentSummary } from './getExperimentSummary'
import { getRunExperiment } from './getRunExperiment'

afterEach(() => vi.unstubAllGlobals())

const RUN = '2026-11-29_01-02-03'
const result = (library: string, role: string) => ({ experiment: 'gmst_era', library, role, outcome: 'completed', candidate_library: library })

describe('getRunExperiment', () => {
  it('reads the plain array of library results', async () => {
    const m = mockFetch({ [`GET /api/runs/${RUN}/experiments/gmst_era`]: () => ({ body: [result('erfa', 'reference'), result('libnova', 'candidate')] }) })
    const r = await getRunExperiment(RUN, 'gmst_era')
    expect(r.experiment).toBe('gmst_era')
    expect(r.run_id).toBe(RUN)
    expect(r.results.map((x) => x.library)).toEqual(['erfa', 'libnova'])
    expect(m.calls).toHaveLength(1)
  })
  it('rejects the old wrapper object', async () => {
    mockFetch({
      [`GET /api/runs/${RUN}/experiments/gmst_era`]: () => ({ body: { experiment: 'gmst_era', run_id: RUN, results: [result('erfa', 'reference')], summary_md: null } }),
    })
    await expect(getRunExperiment(RUN, 'gmst_era')).rejects.toThrow(/results should be an array/)
  })
})

describe('getExperimentSummary', () => {
  it('reads the summary endpoint', async () => {
    mockFetch({ [`GET /api/runs/${RUN}/experiments/gmst_era/summary`]: () => ({ body: { experiment: 'gmst_era', run_id: RUN, summary_md: '# gmst_era' } }) })
    expect(await getExperimentSummary(RUN, 'gmst_era')).toEqual({ experiment: 'gmst_era', run_id: RUN, summary_md: '# gmst_era' })
  })
  it('accepts a missing summary as null, rejects a body without summary_md', async () => {
    mockFetch({ [`GET /api/runs/${RUN}/experiments/gmst_era/summary`]: () => ({ body: { experiment: 'gmst_era', run_id: RUN, summary_md: null } }) })
    expect((await getExperimentSummary(RUN, 'gmst_era')).summary_md).toBeNull()
    mockFetch({ [`GET /api/runs/${RUN}/experiments/gmst_era/summary`]: () => ({ body: { experiment: 'gmst_era', run_id: RUN } }) })
    await expect(getExperimentSummary(RUN, 'gmst_era')).rejects.toThrow(/summary\.summary_md/)
  })
})
