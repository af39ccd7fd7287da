import { Flag } from 'lucide-react'
import { useBaselines } from '../api/getBaselines'

/** "baseline" when the run is the baseline of a testbed; nothing otherwise (or while loading). */
export function BaselineBadge({ runId }: { runId: string }) {
  const q = useBaselines()
  const b = q.data?.find((x) => x.run_id === runId)
  if (!b) return null
  return (
    <span
      className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-blue-50 px-2 py-0.5 text-xs font-medium text-blue-800 ring-1 ring-inset ring-blue-300 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-700"
      title={`Baseline of testbed ${b.testbed_label ?? b.testbed}: CI compares new runs of this testbed to it; retention keeps it.`}
    >
      <Flag aria-hidden className="h-3.5 w-3.5" />
      baseline
    </span>
  )
}
