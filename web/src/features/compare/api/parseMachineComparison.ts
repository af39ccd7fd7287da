import { bool, nullable, num, obj, str } from '@/lib/decode'

/**
 * `machine` of GET /api/compare (docs/engine.md, "The machine-speed probe"): both runs' probe medians and whether they
 * differ by more than the compare's performance threshold. It informs only: the verdicts are the server's, unchanged.
 */
export interface MachineComparison {
  baseline_probe_ns: number
  candidate_probe_ns: number
  /** Candidate minus baseline in percent of the baseline: positive when the candidate's machine was slower. */
  difference_percent: number
  threshold_percent: number
  differs: boolean
  warning: string | null
}

/** Null when either run has no probe (older runs, --no-perf) or they ran different kernels: the server writes null then. */
export function parseMachineComparison(v: unknown, path = 'compare.machine'): MachineComparison | null {
  if (v === undefined || v === null) return null
  const o = obj(v, path)
  return {
    baseline_probe_ns: num(o.baseline_probe_ns, `${path}.baseline_probe_ns`),
    candidate_probe_ns: num(o.candidate_probe_ns, `${path}.candidate_probe_ns`),
    difference_percent: num(o.difference_percent, `${path}.difference_percent`),
    threshold_percent: num(o.threshold_percent, `${path}.threshold_percent`),
    differs: bool(o.differs, `${path}.differs`),
    warning: nullable(str)(o.warning, `${path}.warning`),
  }
}
