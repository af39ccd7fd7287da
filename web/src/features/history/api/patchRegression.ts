import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { historyKeys } from './keys'
import { parseRegression, type RegressionState } from './parse'

export interface RegressionChange {
  state: RegressionState
  note?: string
  by: string
}

/** PATCH /api/regressions/{id}: the state with a note and who set it. */
export const patchRegression = (id: string, change: RegressionChange) =>
  apiFetch(`/api/regressions/${encodeURIComponent(id)}`, { method: 'PATCH', json: change, parse: (v) => parseRegression(v) })

export function usePatchRegression() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: RegressionChange }) => patchRegression(id, change),
    onSuccess: () => void qc.invalidateQueries({ queryKey: historyKeys.all }),
  })
}
