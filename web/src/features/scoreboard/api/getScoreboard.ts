import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { arr, int, nullable, num, obj, oneOf, str } from '@/lib/decode'

/** GET /api/runs/{id}/scoreboard (`RunScoreboard`, docs/scoreboard.md). */
export const STATUSES = ['ranked', 'within_reference_uncertainty', 'reference', 'not_ranked', 'invalid'] as const
export type Status = (typeof STATUSES)[number]

export interface Tally { wins: number; ties: number; losses: number }
export interface ScoreboardEntry {
  library: string
  role: string
  outcome: string
  parity: string | null
  p99_error: number | null
  accuracy_status: Status
  accuracy_rank: number | null
  median_ns: number | null
  speed_status: Status
  speed_rank: number | null
  speed_note: string | null
}
export interface UncertaintyBrief { value: number; unit: string; metric: string; source: string; run_id: string }
export interface ExperimentStanding {
  experiment: string
  title: string | null
  from_frame: string
  to_frame: string
  reference: string | null
  metric: string | null
  unit: string | null
  reference_uncertainty: UncertaintyBrief | null
  entries: ScoreboardEntry[]
}
export interface LibraryStanding {
  library: string
  experiments: number
  accuracy: Tally
  speed: Tally
  accuracy_rank: number
  speed_rank: number
  mean_accuracy_rank: number | null
  mean_speed_rank: number | null
}
export interface PairwiseRecord { library: string; opponent: string; accuracy: Tally; speed: Tally }
export interface RunScoreboard {
  run_id: string
  accuracy_tie_factor: number
  libraries: string[]
  experiments: ExperimentStanding[]
  standings: LibraryStanding[]
  pairwise: PairwiseRecord[]
}

const nNum = nullable(num)
const nInt = nullable(int)
const nStr = nullable(str)
const status = (v: unknown, p: string) => oneOf(v, p, STATUSES)

function tally(v: unknown, p: string): Tally {
  const t = obj(v, p)
  return { wins: int(t.wins, `${p}.wins`), ties: int(t.ties, `${p}.ties`), losses: int(t.losses, `${p}.losses`) }
}

function entry(v: unknown, p: string): ScoreboardEntry {
  const e = obj(v, p)
  return {
    library: str(e.library, `${p}.library`),
    role: str(e.role, `${p}.role`),
    outcome: str(e.outcome, `${p}.outcome`),
    parity: nStr(e.parity, `${p}.parity`),
    p99_error: nNum(e.p99_error, `${p}.p99_error`),
    accuracy_status: status(e.accuracy_status, `${p}.accuracy_status`),
    accuracy_rank: nInt(e.accuracy_rank, `${p}.accuracy_rank`),
    median_ns: nNum(e.median_ns, `${p}.median_ns`),
    speed_status: status(e.speed_status, `${p}.speed_status`),
    speed_rank: nInt(e.speed_rank, `${p}.speed_rank`),
    speed_note: nStr(e.speed_note, `${p}.speed_note`),
  }
}

function uncertainty(v: unknown, p: string): UncertaintyBrief {
  const u = obj(v, p)
  return { value: num(u.value, `${p}.value`), unit: str(u.unit, `${p}.unit`), metric: str(u.metric, `${p}.metric`), source: str(u.source, `${p}.source`), run_id: str(u.run_id, `${p}.run_id`) }
}

function experiment(v: unknown, p: string): ExperimentStanding {
  const e = obj(v, p)
  return {
    experiment: str(e.experiment, `${p}.experiment`),
    title: nStr(e.title, `${p}.title`),
    from_frame: str(e.from_frame, `${p}.from_frame`),
    to_frame: str(e.to_frame, `${p}.to_frame`),
    reference: nStr(e.reference, `${p}.reference`),
    metric: nStr(e.metric, `${p}.metric`),
    unit: nStr(e.unit, `${p}.unit`),
    reference_uncertainty: nullable(uncertainty)(e.reference_uncertainty, `${p}.reference_uncertainty`),
    entries: arr(e.entries, `${p}.entries`, entry),
  }
}

function standing(v: unknown, p: string): LibraryStanding {
  const s = obj(v, p)
  return {
    library: str(s.library, `${p}.library`),
    experiments: int(s.experiments, `${p}.experiments`),
    accuracy: tally(s.accuracy, `${p}.accuracy`),
    speed: tally(s.speed, `${p}.speed`),
    accuracy_rank: int(s.accuracy_rank, `${p}.accuracy_rank`),
    speed_rank: int(s.speed_rank, `${p}.speed_rank`),
    mean_accuracy_rank: nNum(s.mean_accuracy_rank, `${p}.mean_accuracy_rank`),
    mean_speed_rank: nNum(s.mean_speed_rank, `${p}.mean_speed_rank`),
  }
}

function pairwise(v: unknown, p: string): PairwiseRecord {
  const r = obj(v, p)
  return { library: str(r.library, `${p}.library`), opponent: str(r.opponent, `${p}.opponent`), accuracy: tally(r.accuracy, `${p}.accuracy`), speed: tally(r.speed, `${p}.speed`) }
}

/** The one shape the server sends; anything else is a ShapeError. */
export function parseScoreboard(v: unknown): RunScoreboard {
  const s = obj(v, 'scoreboard')
  return {
    run_id: str(s.run_id, 'scoreboard.run_id'),
    accuracy_tie_factor: num(s.accuracy_tie_factor, 'scoreboard.accuracy_tie_factor'),
    libraries: arr(s.libraries, 'scoreboard.libraries', str),
    experiments: arr(s.experiments, 'scoreboard.experiments', experiment),
    standings: arr(s.standings, 'scoreboard.standings', standing),
    pairwise: arr(s.pairwise, 'scoreboard.pairwise', pairwise),
  }
}

export const scoreboardKeys = {
  scoreboard: (id: string) => ['runs', 'detail', id, 'scoreboard'] as const,
  pairs: (id: string) => ['runs', 'detail', id, 'pairs'] as const,
}

export const getScoreboard = async (id: string) =>
  parseScoreboard(await apiFetch<unknown>(`/api/runs/${encodeURIComponent(id)}/scoreboard`))

export const scoreboardQueryOptions = (id: string) =>
  queryOptions({ queryKey: scoreboardKeys.scoreboard(id), queryFn: () => getScoreboard(id), staleTime: Infinity })

export const useScoreboard = (id: string) => useQuery(scoreboardQueryOptions(id))
