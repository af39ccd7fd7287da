import { Flag } from 'lucide-react'
import { Button } from '@/components/ui/Button'
import { useBaselines } from '../api/getBaselines'
import { useSetBaseline } from '../api/setBaseline'

/** "Set as baseline" for a run; disabled once it is a baseline. */
export function SetBaselineButton({ runId }: { runId: string }) {
  const q = useBaselines()
  const set = useSetBaseline()
  const isBaseline = !!q.data?.some((b) => b.run_id === runId)
  return (
    <>
      <Button size="sm" variant="secondary" disabled={isBaseline || set.isPending} onClick={() => set.mutate(runId)}
        title="Make this run the baseline of its testbed (compare baseline … and CI use it)">
        <Flag aria-hidden className="h-4 w-4" /> {isBaseline ? 'Baseline' : 'Set as baseline'}
      </Button>
      {set.error && <span role="alert" className="text-xs text-red-700">{set.error.message}</span>}
    </>
  )
}
