import { Ban, CheckCircle2, Clock, Loader2, PauseCircle, XCircle, type LucideIcon } from 'lucide-react'
import { cn } from '@/lib/cn'
import type { JobStatus } from '@/lib/types'

interface Look {
  label: string
  icon: LucideIcon
  spin?: boolean
  className: string
}

// Colour AND text AND icon: a status is never told by colour alone.
const looks: Record<JobStatus, Look> = {
  queued: { label: 'Queued', icon: Clock, className: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600' },
  starting: { label: 'Starting', icon: Loader2, spin: true, className: 'bg-blue-50 text-blue-800 ring-blue-300 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-700' },
  running: { label: 'Running', icon: Loader2, spin: true, className: 'bg-blue-50 text-blue-800 ring-blue-300 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-700' },
  cancelling: { label: 'Cancelling', icon: Loader2, spin: true, className: 'bg-blue-50 text-blue-800 ring-blue-300 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-700' },
  paused: { label: 'Paused', icon: PauseCircle, className: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600' },
  preempted: { label: 'Preempted', icon: PauseCircle, className: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600' },
  completed: { label: 'Completed', icon: CheckCircle2, className: 'bg-green-50 text-green-800 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-700' },
  failed: { label: 'Failed', icon: XCircle, className: 'bg-red-50 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-700' },
  cancelled: { label: 'Cancelled', icon: Ban, className: 'bg-orange-50 text-orange-800 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-700' },
}

export function statusTone(status: JobStatus): 'green' | 'red' | 'orange' | 'blue' | 'grey' {
  switch (status) {
    case 'completed':
      return 'green'
    case 'failed':
      return 'red'
    case 'cancelled':
      return 'orange'
    case 'queued':
    case 'paused':
    case 'preempted':
      return 'grey'
    default:
      return 'blue'
  }
}

export function StatusBadge({ status, className }: { status: JobStatus; className?: string }) {
  const look = looks[status] ?? looks.queued
  const Icon = look.icon
  return (
    <span
      data-status={status}
      data-tone={statusTone(status)}
      className={cn('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset', look.className, className)}
    >
      <Icon aria-hidden className={cn('h-3.5 w-3.5', look.spin && 'animate-spin')} />
      {look.label}
    </span>
  )
}
