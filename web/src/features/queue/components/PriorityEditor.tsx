import { useState } from 'react'
import { ApiError } from '@/lib/api'
import { useSetPriority } from '../api/setPriority'
import { priorityError } from '../lib/queueFields'

/** A queued job's priority: type a new value and press Enter (or leave the field) to apply it. */
export function PriorityEditor({ jobId, priority }: { jobId: string; priority: number }) {
  const [draft, setDraft] = useState<string | null>(null)
  const mutation = useSetPriority()
  const value = draft ?? String(priority)
  const local = draft !== null ? priorityError(draft) : null
  const server = mutation.error instanceof ApiError ? mutation.error.message : mutation.error ? String(mutation.error) : null
  const error = local ?? server
  const commit = () => {
    if (draft === null || local || Number(draft) === priority) {
      setDraft(null)
      return
    }
    mutation.mutate({ id: jobId, priority: Number(draft) }, { onSettled: () => setDraft(null) })
  }
  return (
    <div>
      <input
        type="number"
        min={-100}
        max={100}
        step={1}
        aria-label={`Priority of job ${jobId}`}
        aria-invalid={!!error}
        disabled={mutation.isPending}
        className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-red-500"
        value={value}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
          if (e.key === 'Escape') setDraft(null)
        }}
      />
      {error && <p className="mt-1 max-w-48 text-xs font-medium text-red-700 dark:text-red-300">{error}</p>}
    </div>
  )
}
