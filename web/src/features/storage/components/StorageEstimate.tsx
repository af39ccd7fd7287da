import { HardDrive } from 'lucide-react'
import { Alert } from '@/components/ui/Alert'
import { useStorageEstimate, type StorageEstimateQuery } from '../api/getStorageEstimate'
import { fmtBytes } from '../lib/bytes'
import { useDebounced } from '../lib/useDebounced'

export const ESTIMATE_DEBOUNCE_MS = 400

/**
 * The predicted size of the job the run form describes and the free space on the results disk
 * (GET /api/storage/estimate), fetched once the form has been still for a moment; a warning when the
 * server would refuse the start (507).
 */
export function StorageEstimate({ query, delayMs = ESTIMATE_DEBOUNCE_MS }: { query: StorageEstimateQuery | null; delayMs?: number }) {
  const settled = useDebounced(query, delayMs)
  const estimate = useStorageEstimate(settled)
  if (!settled) return null
  if (estimate.error) {
    return <p className="text-xs text-slate-500 dark:text-slate-400">Size estimate unavailable: {(estimate.error as Error).message}</p>
  }
  const e = estimate.data
  if (!e) return <p className="text-xs text-slate-500 dark:text-slate-400">Estimating the run&apos;s size…</p>
  const basis = e.basis === 'history' ? 'from earlier runs' : 'no earlier runs yet: a measured default'
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700 dark:text-slate-300" data-testid="storage-estimate">
        <HardDrive aria-hidden className="h-4 w-4" />
        <span>
          Predicted size: <strong>{fmtBytes(e.predicted_bytes)}</strong>
        </span>
        <span>
          · Free space: <strong>{fmtBytes(e.free_bytes)}</strong>
        </span>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          ({basis}, {e.bytes_per_case.toFixed(1)} bytes per case; {fmtBytes(e.min_free_disk_mb * 1024 * 1024)} must stay free)
        </span>
      </p>
      {e.would_refuse && (
        <Alert tone="warning" title="Not enough disk space for this run">
          {e.detail}
        </Alert>
      )}
    </div>
  )
}
