import type { ReactNode } from 'react'
import { Loader2 } from 'lucide-react'
import { ApiError } from '@/lib/api'
import { Alert } from './Alert'

/** Loading spinner / error message / content for one query. */
export function QueryState({ isPending, error, children, label = 'Loading' }: { isPending: boolean; error: unknown; children: () => ReactNode; label?: string }) {
  if (error) {
    const msg = error instanceof ApiError ? `${error.status}: ${error.message}` : error instanceof Error ? error.message : String(error)
    return <Alert tone="error" title="Could not load">{msg}</Alert>
  }
  if (isPending)
    return (
      <div role="status" className="flex items-center gap-2 py-6 text-sm text-slate-600 dark:text-slate-400">
        <Loader2 aria-hidden className="h-4 w-4 animate-spin" /> {label}…
      </div>
    )
  return <>{children()}</>
}
