import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { retentionKeys } from '@/features/storage/api/keys'
import { baselineKeys } from './keys'
import { parseBaseline } from './parseBaseline'

/** POST /api/baselines {run_id}: the run becomes the baseline of its testbed (from its manifest). */
export const setBaseline = (runId: string) =>
  apiFetch('/api/baselines', { method: 'POST', json: { run_id: runId }, parse: (v) => parseBaseline(v) })

export function useSetBaseline() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: setBaseline,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: baselineKeys.all })
      // A baseline is protected from retention: the storage page's preview changes.
      void qc.invalidateQueries({ queryKey: retentionKeys.all })
    },
  })
}
