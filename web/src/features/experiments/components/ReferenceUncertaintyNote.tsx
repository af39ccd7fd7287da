import { fmtNum } from '@/lib/format'
import type { ReferenceUncertainty } from '@/lib/types'
import { rangeText } from './accuracyModel'

/** What the shaded bands of the accuracy plots mean, with the per-epoch-range figures the error-vs-epoch bands show. */
export function ReferenceUncertaintyNote({ uncertainty }: { uncertainty: ReferenceUncertainty | null }) {
  const ranges = uncertainty ? rangeText(uncertainty, fmtNum) : null
  return (
    <p role="note" aria-label="Reference uncertainty" className="text-xs text-slate-600 dark:text-slate-400" data-testid="reference-uncertainty">
      {uncertainty
        ? `Shaded: within the reference uncertainty (p99 ≤ ${fmtNum(uncertainty.value)} ${uncertainty.unit}; ${uncertainty.source}). Errors there are not told apart by this reference.` +
          (ranges ? ` Against the epoch, per measured range: ${ranges}; epochs outside them were not measured.` : '')
        : 'Reference uncertainty: not measured for this experiment.'}
    </p>
  )
}
