import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch, qs } from '@/lib/api'
import { runKeys } from '@/features/runs/api/keys'
import { parseMachineComparison, type MachineComparison } from './parseMachineComparison'

export type Verdict = 'regressed' | 'improved' | 'unchanged' | 'not_comparable' | 'new' | 'missing'

export interface AccuracyDelta {
  experiment: string
  library: string
  metric: string | null
  unit: string | null
  p99_a: number | null
  p99_b: number | null
  max_a: number | null
  max_b: number | null
  delta_p99: number | null
  relative_change: number | null
  dataset_changed: boolean
  verdict: Verdict
}

export interface PerformanceDelta {
  experiment: string
  library: string
  median_ns_a: number | null
  median_ns_b: number | null
  change_percent: number | null
  ci_a: [number, number] | null
  ci_b: [number, number] | null
  ci_overlap: boolean | null
  verdict: Verdict
}

export interface CompareResult {
  run_a: string
  run_b: string
  rules?: {
    perf_min_change_percent?: number
    perf_requires_disjoint_ci?: boolean
    accuracy_relative_tolerance?: number
    accuracy_absolute_floor?: Record<string, number>
  }
  accuracy: AccuracyDelta[]
  performance: PerformanceDelta[]
  /** Both runs' testbed keys; performance of two testbeds is not comparable (docs/history.md). */
  testbeds?: { a: string; b: string; differ: boolean }
  /** Both runs' machine-speed probes; null without a probe in either run. */
  machine: MachineComparison | null
  summary?: {
    accuracy_regressions: number
    accuracy_improvements: number
    perf_regressions: number
    perf_improvements: number
  }
}

export async function getCompare(a: string, b: string): Promise<CompareResult> {
  const body = await apiFetch<Omit<CompareResult, 'machine'> & { machine?: unknown }>(`/api/compare${qs({ run_a: a, run_b: b })}`)
  return { ...body, accuracy: body.accuracy ?? [], performance: body.performance ?? [], machine: parseMachineComparison(body.machine) }
}

// Both runs are immutable, so a comparison never changes.
export const compareQueryOptions = (a: string, b: string) =>
  queryOptions({ queryKey: runKeys.compare(a, b), queryFn: () => getCompare(a, b), staleTime: Infinity })

export const useCompare = (a: string | null, b: string | null) =>
  useQuery({ ...compareQueryOptions(a ?? '', b ?? ''), enabled: !!a && !!b && a !== b })
