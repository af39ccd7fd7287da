import { bool, int, num, obj, str } from '@/lib/decode'
import type { RunMachine, RunProbe } from '@/lib/types'

function parseRunProbe(v: unknown, path: string): RunProbe {
  const o = obj(v, path)
  return {
    kernel: str(o.kernel, `${path}.kernel`),
    values: int(o.values, `${path}.values`),
    samples: int(o.samples, `${path}.samples`),
    median_ns: num(o.median_ns, `${path}.median_ns`),
    min_ns: num(o.min_ns, `${path}.min_ns`),
    max_ns: num(o.max_ns, `${path}.max_ns`),
    drift_percent: num(o.drift_percent, `${path}.drift_percent`),
    robust_cv_percent: num(o.robust_cv_percent, `${path}.robust_cv_percent`),
    drift_threshold_percent: num(o.drift_threshold_percent, `${path}.drift_threshold_percent`),
    varied: bool(o.varied, `${path}.varied`),
  }
}

/**
 * The manifest's `machine` block (docs/run-folder.md). The manifest is written as is, and the block is absent in runs
 * without the probe (older runs, --no-perf, probe not built): absent or null both read as "no probe". When present it
 * has the one shape the engine writes, or the run is rejected with a ShapeError.
 */
export function parseRunMachine(v: unknown, path = 'run.manifest.machine'): RunMachine | null {
  if (v === undefined || v === null) return null
  const o = obj(v, path)
  if (o.probe === undefined || o.probe === null) return null
  return { probe: parseRunProbe(o.probe, `${path}.probe`) }
}
