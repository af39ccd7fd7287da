import { useState } from 'react'
import { Pin, PinOff, Trash2 } from 'lucide-react'
import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { fmtBytes } from '@/features/storage/lib/bytes'
import type { RunSummary } from '@/lib/types'
import { useDeleteRun } from '../api/deleteRun'
import { usePinRun } from '../api/pinRun'
import { ConfirmDialog } from './ConfirmDialog'

/** Pin toggle and delete (with a confirmation) for one run of the list. */
export function RunActions({ run }: { run: RunSummary }) {
  const pin = usePinRun()
  const del = useDeleteRun()
  const [confirming, setConfirming] = useState(false)
  const close = () => {
    setConfirming(false)
    del.reset()
  }
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-pressed={run.pinned}
        aria-label={run.pinned ? `Unpin ${run.id}` : `Pin ${run.id}`}
        title={run.pinned ? 'Pinned: retention keeps it. Click to unpin.' : 'Pin: retention never deletes a pinned run'}
        disabled={pin.isPending}
        onClick={() => pin.mutate({ id: run.id, pinned: !run.pinned })}
      >
        {run.pinned ? <Pin aria-hidden className="h-4 w-4 fill-current" /> : <PinOff aria-hidden className="h-4 w-4" />}
      </Button>
      <Button size="sm" variant="ghost" aria-label={`Delete ${run.id}`} title="Delete this run" onClick={() => setConfirming(true)}>
        <Trash2 aria-hidden className="h-4 w-4" />
      </Button>
      {pin.error && <span role="alert" className="text-xs text-red-700">{pin.error.message}</span>}
      {confirming && (
        <ConfirmDialog
          title={`Delete run ${run.id}?`}
          confirmLabel="Delete"
          busy={del.isPending}
          onCancel={close}
          onConfirm={() => del.mutate(run.id, { onSuccess: () => setConfirming(false) })}
        >
          <p>
            The run folder ({fmtBytes(run.bytes)}) is removed from disk for good.{run.pinned ? ' It is pinned: the server will refuse until you unpin it.' : ''}
          </p>
          {del.error && (
            <Alert tone="error" className="mt-3" title="Not deleted">
              {del.error.message}
            </Alert>
          )}
        </ConfirmDialog>
      )}
    </>
  )
}
