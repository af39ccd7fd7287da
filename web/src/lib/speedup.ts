import { fmtSpeedup } from './format'

/** `speedup_verdict` values (docs/run-folder.md). */
export type SpeedupVerdict = 'faster' | 'slower' | 'indistinguishable'
export const SPEEDUP_VERDICTS: readonly SpeedupVerdict[] = ['faster', 'slower', 'indistinguishable']

export interface SpeedupFacts {
  /** Whether this result's timing is valid; an invalid result has no speedup. */
  valid: boolean | null | undefined
  speedup: number | null | undefined
  verdict: SpeedupVerdict | string | null | undefined
  parity: string | null | undefined
  /** `speedup_label` (docs/engine.md): `model_mismatch` when the two ops do not do equal work. */
  label?: string | null | undefined
}

/**
 * How a speedup reads everywhere: "—" for an invalid result or none, "≈ 1×" when the bootstrap interval
 * contains 1, and "(model mismatch)" after a speedup between libraries implementing different models or doing
 * unequal work per op (the result's `speedup_label`, or a model-mismatch parity in files without one).
 */
export function speedupLabel(f: SpeedupFacts): string {
  if (f.valid !== true || f.speedup == null || !Number.isFinite(f.speedup)) return '—'
  const text = f.verdict === 'indistinguishable' ? '≈ 1×' : fmtSpeedup(f.speedup)
  return f.label === 'model_mismatch' || f.parity === 'model-mismatch' ? `${text} (model mismatch)` : text
}

/** "95 % CI 1.95–2.31×", or null without an interval. */
export function speedupIntervalLabel(low: number | null | undefined, high: number | null | undefined, level: number | null | undefined): string | null {
  if (low == null || high == null || level == null) return null
  return `${fmtLevel(level)} CI ${fmtSpeedup(low).replace('×', '')}–${fmtSpeedup(high)}`
}

/** A coverage such as 0.9375 as "93.75 %" (never rounded up to a nicer number). */
export function fmtLevel(level: number): string {
  return `${Number((level * 100).toFixed(2))} %`
}
