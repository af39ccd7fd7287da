import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { bool, obj, str } from '@/lib/decode'
import { retentionKeys } from '@/features/storage/api/keys'
import { runKeys } from './keys'

export interface RunPin {
  run_id: string
  pinned: boolean
}

/** POST /api/runs/{id}/pin|unpin answers `{"run_id","pinned"}`. */
export function parseRunPin(v: unknown): RunPin {
  const o = obj(v, 'pin')
  return { run_id: str(o.run_id, 'pin.run_id'), pinned: bool(o.pinned, 'pin.pinned') }
}

export const setRunPinned = (id: string, pinned: boolean) =>
  apiFetch(`/api/runs/${encodeURIComponent(id)}/${pinned ? 'pin' : 'unpin'}`, { method: 'POST', parse: parseRunPin })

export function usePinRun() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, pinned }: { id: string; pinned: boolean }) => setRunPinned(id, pinned),
    onSuccess: (pin) => {
      void qc.invalidateQueries({ queryKey: runKeys.list() })
      void qc.invalidateQueries({ queryKey: runKeys.detail(pin.run_id), exact: true })
      // The storage page's preview depends on pins.
      void qc.invalidateQueries({ queryKey: retentionKeys.all })
    },
  })
}
