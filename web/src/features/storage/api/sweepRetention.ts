import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { arr, int, obj, str } from '@/lib/decode'
import { runKeys } from '@/features/runs/api/keys'
import { parseCounts } from './getRetentionPreview'
import { retentionKeys, storageKeys } from './keys'

export interface SweepResult {
  runs: { run_id: string; outcome: string }[]
  bytes_freed: number
  logs: { count: number; bytes: number }
  jobs: { count: number; bytes: number }
}

export function parseSweep(v: unknown): SweepResult {
  const o = obj(v, 'sweep')
  return {
    runs: arr(o.runs, 'sweep.runs', (x, p) => {
      const r = obj(x, p)
      return { run_id: str(r.run_id, `${p}.run_id`), outcome: str(r.outcome, `${p}.outcome`) }
    }),
    bytes_freed: int(o.bytes_freed, 'sweep.bytes_freed'),
    logs: parseCounts(o.logs, 'sweep.logs'),
    jobs: parseCounts(o.jobs, 'sweep.jobs'),
  }
}

/** POST /api/retention/sweep: removes now what the preview shows (409 while another process sweeps). */
export const sweepRetention = () => apiFetch('/api/retention/sweep', { method: 'POST', parse: parseSweep })

export function useSweepRetention() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: sweepRetention,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: retentionKeys.all })
      void qc.invalidateQueries({ queryKey: storageKeys.all })
      void qc.invalidateQueries({ queryKey: runKeys.list() })
    },
  })
}
