import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import type { RunExperiment } from '@/lib/types'
import { runKeys } from '@/features/runs/api/keys'

export const getRunExperiment = (runId: string, exp: string) =>
  apiFetch<RunExperiment>(`/api/runs/${encodeURIComponent(runId)}/experiments/${encodeURIComponent(exp)}`)

export const runExperimentQueryOptions = (runId: string, exp: string) =>
  queryOptions({ queryKey: runKeys.experiment(runId, exp), queryFn: () => getRunExperiment(runId, exp), staleTime: Infinity })

export const useRunExperiment = (runId: string, exp: string) => useQuery(runExperimentQueryOptions(runId, exp))
