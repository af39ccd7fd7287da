import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { arr, obj, str } from '@/lib/decode'
import type { LibraryResult, RunExperiment } from '@/lib/types'
import { runKeys } from '@/features/runs/api/keys'

/**
 * GET /api/runs/{run_id}/experiments/{experiment}: a plain array of the experiment's library
 * results, reference first (each the `<library>.json` of the run folder plus the original lab's
 * members). The markdown summary is its own endpoint (getExperimentSummary).
 */
export function parseExperimentResults(v: unknown): LibraryResult[] {
  return arr(v, 'results', (x, path) => {
    const o = obj(x, path)
    str(o.experiment, `${path}.experiment`)
    return o as unknown as LibraryResult
  })
}

export const getRunExperiment = async (runId: string, exp: string): Promise<RunExperiment> => ({
  experiment: exp,
  run_id: runId,
  results: await apiFetch(`/api/runs/${encodeURIComponent(runId)}/experiments/${encodeURIComponent(exp)}`, {
    parse: parseExperimentResults,
  }),
})

// A published run never changes.
export const runExperimentQueryOptions = (runId: string, exp: string) =>
  queryOptions({ queryKey: runKeys.experiment(runId, exp), queryFn: () => getRunExperiment(runId, exp), staleTime: Infinity })

export const useRunExperiment = (runId: string, exp: string) => useQuery(runExperimentQueryOptions(runId, exp))
