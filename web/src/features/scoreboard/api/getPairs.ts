import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { arr, int, nullable, num, obj, str } from '@/lib/decode'
import { scoreboardKeys } from './getScoreboard'

/** GET /api/runs/{id}/pairs (`ExperimentPairs[]`, docs/scoreboard.md): how far apart each two libraries' outputs are. */
export interface PairDistance { a: string; b: string; cases: number; p99: number | null; max: number | null }
export interface ExperimentPairs { experiment: string; metric: string; unit: string; libraries: string[]; pairs: PairDistance[] }

function pair(v: unknown, p: string): PairDistance {
  const d = obj(v, p)
  return { a: str(d.a, `${p}.a`), b: str(d.b, `${p}.b`), cases: int(d.cases, `${p}.cases`), p99: nullable(num)(d.p99, `${p}.p99`), max: nullable(num)(d.max, `${p}.max`) }
}

function matrix(v: unknown, p: string): ExperimentPairs {
  const m = obj(v, p)
  return {
    experiment: str(m.experiment, `${p}.experiment`),
    metric: str(m.metric, `${p}.metric`),
    unit: str(m.unit, `${p}.unit`),
    libraries: arr(m.libraries, `${p}.libraries`, str),
    pairs: arr(m.pairs, `${p}.pairs`, pair),
  }
}

export const parsePairs = (v: unknown): ExperimentPairs[] => arr(v, 'pairs', matrix)

export const getPairs = async (id: string) => parsePairs(await apiFetch<unknown>(`/api/runs/${encodeURIComponent(id)}/pairs`))

export const pairsQueryOptions = (id: string) =>
  queryOptions({ queryKey: scoreboardKeys.pairs(id), queryFn: () => getPairs(id), staleTime: Infinity })

export const usePairs = (id: string, enabled: boolean) => useQuery({ ...pairsQueryOptions(id), enabled })
