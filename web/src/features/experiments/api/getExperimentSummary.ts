import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { nullable, obj, str } from '@/lib/decode'
import type { ExperimentSummary } from '@/lib/types'
import { runKeys } from '@/features/runs/api/keys'

export function parseExperimentSummary(v: unknown): ExperimentSummary {
  const o = obj(v, 'summary')
  return {
    experiment: str(o.experiment, 'summary.experiment'),
    run_id: str(o.run_id, 'summary.run_id'),
    summary_md: nullable(str)(o.summary_md, 'summary.summary_md'),
  }
}

/** GET /api/runs/{run_id}/experiments/{experiment}/summary: the experiment's summary.md (or null). */
export const getExperimentSummary = (runId: string, exp: string) =>
  apiFetch(`/api/runs/${encodeURIComponent(runId)}/experiments/${encodeURIComponent(exp)}/summary`, { parse: parseExperimentSummary })

export const experimentSummaryQueryOptions = (runId: string, exp: string) =>
  queryOptions({ queryKey: runKeys.experimentSummary(runId, exp), queryFn: () => getExperimentSummary(runId, exp), staleTime: Infinity })

export const useExperimentSummary = (runId: string, exp: string) => useQuery(experimentSummaryQueryOptions(runId, exp))
