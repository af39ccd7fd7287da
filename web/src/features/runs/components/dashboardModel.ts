import type { Experiment, RunDetail, RunRow } from '@/lib/types'

export interface QualityAlert {
  kind: 'failed-experiment' | 'not-completed' | 'nan' | 'invalid-perf'
  text: string
}

/** Data-quality alerts visible from the run summary: failed experiments, skipped/failed adapters, NaN metrics, invalid perf. */
export function qualityAlerts(run: RunDetail): QualityAlert[] {
  const out: QualityAlert[] = []
  for (const f of run.manifest?.completeness?.failed ?? []) out.push({ kind: 'failed-experiment', text: `Experiment ${f.experiment} failed: ${f.reason}` })
  for (const r of run.rows) {
    if (r.outcome !== 'completed') out.push({ kind: 'not-completed', text: `${r.library} on ${r.experiment}: ${r.outcome.replace(/_/g, ' ')}` })
    else if (r.primary_metric && (r.p99 === null || r.max === null))
      out.push({ kind: 'nan', text: `${r.library} on ${r.experiment}: ${r.primary_metric} could not be computed (NaN/Inf outputs)` })
    if (r.perf_valid === false) out.push({ kind: 'invalid-perf', text: `${r.library} on ${r.experiment}: performance ${r.perf_invalid_reason ? `invalid (${r.perf_invalid_reason})` : 'flagged unstable'}, not ranked` })
  }
  return out
}

/** Fastest library per experiment among valid perf results only (flagged results are never ranked). */
export function fastestByExperiment(rows: RunRow[]): Map<string, string> {
  const best = new Map<string, RunRow>()
  for (const r of rows) {
    if (r.perf_valid !== true || r.median_ns == null) continue
    const b = best.get(r.experiment)
    if (!b || r.median_ns < (b.median_ns ?? Infinity)) best.set(r.experiment, r)
  }
  return new Map([...best].map(([e, r]) => [e, r.library]))
}

export interface ScatterGroup {
  key: string
  family: string
  unit: string
  libraries: string[]
  points: { library: string; experiment: string; x: number; y: number }[]
}

/**
 * Accuracy (p99 |error|) against speed (median ns/op) per experiment family, one group per unit
 * so an axis never mixes units. Points need a valid timing and a positive error (log axes).
 */
export function scatterGroups(rows: RunRow[], catalog: Experiment[] | undefined): ScatterGroup[] {
  const family = new Map((catalog ?? []).map((e) => [e.id, e.family]))
  const groups = new Map<string, ScatterGroup>()
  for (const r of rows) {
    if (r.role === 'reference' || r.median_ns == null || r.p99 == null || !(r.p99 > 0) || !r.unit) continue
    const fam = family.get(r.experiment) ?? r.experiment
    const key = `${fam}|${r.unit}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { key, family: fam, unit: r.unit, libraries: [], points: [] }))
    if (!g.libraries.includes(r.library)) g.libraries.push(r.library)
    g.points.push({ library: r.library, experiment: r.experiment, x: r.median_ns, y: r.p99 })
  }
  return [...groups.values()]
}
