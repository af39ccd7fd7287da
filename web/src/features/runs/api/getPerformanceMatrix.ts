import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { arr, bool, int, nullable, num, obj, oneOf, str } from '@/lib/decode'
import { SPEEDUP_VERDICTS, type SpeedupVerdict } from '@/lib/speedup'
import { runKeys } from './keys'

/** One cell: a library's timing for an experiment (`PerformanceCellDto`, docs/http-api.md). */
export interface PerfCell {
  experiment: string
  library: string
  role: string | null
  median_ns: number | null
  ci_low_ns: number | null
  ci_high_ns: number | null
  cv_percent: number | null
  valid: boolean
  invalid_reason: string | null
  speedup_vs_reference: number | null
  /** 1 = fastest, among valid results only; null when not ranked. */
  rank: number | null
  parity: string | null
  /** Exact coverage of ci_low_ns–ci_high_ns (0.9375 with 5 rounds). */
  ci_level: number | null
  speedup_ci_low: number | null
  speedup_ci_high: number | null
  speedup_ci_level: number | null
  speedup_verdict: SpeedupVerdict | null
  speedup_label: string | null
}

export interface PerformanceMatrix {
  run_id: string
  experiments: string[]
  libraries: string[]
  cells: PerfCell[]
}

const nNum = nullable(num)
const nStr = nullable(str)
const nVerdict = nullable((v, path) => oneOf(v, path, SPEEDUP_VERDICTS))

function parseCell(v: unknown, path: string): PerfCell {
  const c = obj(v, path)
  return {
    experiment: str(c.experiment, `${path}.experiment`),
    library: str(c.library, `${path}.library`),
    role: nStr(c.role, `${path}.role`),
    median_ns: nNum(c.median_ns, `${path}.median_ns`),
    ci_low_ns: nNum(c.ci_low_ns, `${path}.ci_low_ns`),
    ci_high_ns: nNum(c.ci_high_ns, `${path}.ci_high_ns`),
    cv_percent: nNum(c.cv_percent, `${path}.cv_percent`),
    valid: bool(c.valid, `${path}.valid`),
    invalid_reason: nStr(c.invalid_reason, `${path}.invalid_reason`),
    speedup_vs_reference: nNum(c.speedup_vs_reference, `${path}.speedup_vs_reference`),
    rank: nullable(int)(c.rank, `${path}.rank`),
    parity: nStr(c.parity, `${path}.parity`),
    ci_level: nNum(c.ci_level, `${path}.ci_level`),
    speedup_ci_low: nNum(c.speedup_ci_low, `${path}.speedup_ci_low`),
    speedup_ci_high: nNum(c.speedup_ci_high, `${path}.speedup_ci_high`),
    speedup_ci_level: nNum(c.speedup_ci_level, `${path}.speedup_ci_level`),
    speedup_verdict: nVerdict(c.speedup_verdict, `${path}.speedup_verdict`),
    speedup_label: nStr(c.speedup_label, `${path}.speedup_label`),
  }
}

/** The one shape the server sends (`PerformanceMatrixDto`); anything else is a ShapeError. */
export function parsePerformanceMatrix(v: unknown): PerformanceMatrix {
  const m = obj(v, 'performance matrix')
  return {
    run_id: str(m.run_id, 'performance matrix.run_id'),
    experiments: arr(m.experiments, 'performance matrix.experiments', str),
    libraries: arr(m.libraries, 'performance matrix.libraries', str),
    cells: arr(m.cells, 'performance matrix.cells', parseCell),
  }
}

export const getPerformanceMatrix = async (id: string) =>
  parsePerformanceMatrix(await apiFetch<unknown>(`/api/runs/${encodeURIComponent(id)}/performance-matrix`))

export const performanceMatrixQueryOptions = (id: string) =>
  queryOptions({ queryKey: runKeys.perfMatrix(id), queryFn: () => getPerformanceMatrix(id), staleTime: Infinity })

export const usePerformanceMatrix = (id: string) => useQuery(performanceMatrixQueryOptions(id))
