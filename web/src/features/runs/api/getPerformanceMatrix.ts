import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { runKeys } from './keys'

/** One cell: a library's timing for an experiment. Field names follow docs/http-api.md. */
export interface PerfCell {
  experiment: string
  library: string
  median_ns: number | null
  ci_low_ns?: number | null
  ci_high_ns?: number | null
  cv_percent?: number | null
  valid?: boolean | null
  perf_valid?: boolean | null
  speedup_vs_reference?: number | null
  rank?: number | null
  role?: string
}

export interface PerformanceMatrix {
  run_id?: string
  experiments: string[]
  libraries: string[]
  cells: PerfCell[]
}

type RawMatrix = Partial<PerformanceMatrix> & { rows?: PerfCell[]; matrix?: Record<string, Record<string, PerfCell | null>> }

/** Normalises the matrix whether the server sends a cell list or a nested map. */
export function normaliseMatrix(raw: RawMatrix | PerfCell[]): PerformanceMatrix {
  let cells: PerfCell[] = []
  if (Array.isArray(raw)) cells = raw
  else if (raw.cells) cells = raw.cells
  else if (raw.rows) cells = raw.rows
  else if (raw.matrix) {
    for (const [experiment, byLib] of Object.entries(raw.matrix)) {
      for (const [library, cell] of Object.entries(byLib ?? {})) {
        if (cell) cells.push({ ...cell, experiment, library })
      }
    }
  }
  const experiments = (!Array.isArray(raw) && raw.experiments) || [...new Set(cells.map((c) => c.experiment))]
  const libraries = (!Array.isArray(raw) && raw.libraries) || [...new Set(cells.map((c) => c.library))]
  return { run_id: Array.isArray(raw) ? undefined : raw.run_id, experiments, libraries, cells }
}

export const getPerformanceMatrix = async (id: string) =>
  normaliseMatrix(await apiFetch<RawMatrix>(`/api/runs/${encodeURIComponent(id)}/performance-matrix`))

export const performanceMatrixQueryOptions = (id: string) =>
  queryOptions({ queryKey: runKeys.perfMatrix(id), queryFn: () => getPerformanceMatrix(id), staleTime: Infinity })

export const usePerformanceMatrix = (id: string) => useQuery(performanceMatrixQueryOptions(id))
