import { AlertTriangle, ArrowDownRight, ArrowUpRight, CheckCircle2, CircleDashed, Equal, Minus, Plus, Scale, Target, Unlink } from 'lucide-react'
import type { LucideIcon } from 'lucide-react'
import { cn } from '@/lib/cn'

const base = 'inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset'
const tone = {
  green: 'bg-green-50 text-green-800 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-700',
  red: 'bg-red-50 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-700',
  orange: 'bg-orange-50 text-orange-800 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-700',
  blue: 'bg-blue-50 text-blue-800 ring-blue-300 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-700',
  grey: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
  purple: 'bg-purple-50 text-purple-800 ring-purple-300 dark:bg-purple-950 dark:text-purple-200 dark:ring-purple-700',
}

function Pill({ icon: Icon, t, children, title }: { icon: LucideIcon; t: keyof typeof tone; children: string; title?: string }) {
  return (
    <span className={cn(base, tone[t])} title={title}>
      <Icon aria-hidden className="h-3.5 w-3.5" />
      {children}
    </span>
  )
}

const parityLooks: Record<string, { icon: LucideIcon; t: keyof typeof tone; label: string; title: string }> = {
  reference: { icon: Target, t: 'grey', label: 'reference', title: 'The reference scored against itself (must be exactly 0)' },
  'model-parity': { icon: Equal, t: 'green', label: 'model parity', title: 'Same model: differences are numerical' },
  'model-mismatch': { icon: Unlink, t: 'orange', label: 'model gap', title: 'Different model: differences measure a model gap' },
  'external-reference': { icon: Scale, t: 'purple', label: 'external ref.', title: 'Scored against an independent ephemeris' },
}

export function ParityBadge({ parity }: { parity: string | null | undefined }) {
  if (!parity) return <span className="text-slate-400">—</span>
  const l = parityLooks[parity] ?? { icon: CircleDashed, t: 'grey' as const, label: parity, title: parity }
  return (
    <Pill icon={l.icon} t={l.t} title={l.title}>
      {l.label}
    </Pill>
  )
}

export function CompleteBadge({ complete }: { complete: boolean }) {
  return complete ? (
    <Pill icon={CheckCircle2} t="green">
      complete
    </Pill>
  ) : (
    <Pill icon={AlertTriangle} t="orange">
      incomplete
    </Pill>
  )
}

export function OutcomeBadge({ outcome }: { outcome: string }) {
  if (outcome === 'completed')
    return (
      <Pill icon={CheckCircle2} t="green">
        completed
      </Pill>
    )
  return (
    <Pill icon={AlertTriangle} t={outcome === 'skipped' ? 'grey' : 'red'}>
      {outcome.replace(/_/g, ' ')}
    </Pill>
  )
}

/** A flagged (invalid) perf result; fewer than 3 rounds (`too_few_rounds`, e.g. CI mode) is a smoke figure. The reason is shown, not only hovered. */
export function UnstableBadge({ reason }: { reason?: string | null }) {
  const smoke = reason?.startsWith('too_few_rounds') === true
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <Pill icon={AlertTriangle} t="orange" title={reason ?? 'Perf result flagged: too few rounds, below clock resolution, < 1 ns/op or CV > 20 %'}>
        {smoke ? 'smoke figure · not ranked' : 'unstable · not ranked'}
      </Pill>
      {reason && <span className="text-xs text-slate-600 dark:text-slate-400">{reason}</span>}
    </span>
  )
}

export function VerdictBadge({ verdict }: { verdict: string }) {
  switch (verdict) {
    case 'regressed':
      return (
        <Pill icon={ArrowDownRight} t="red">
          regressed
        </Pill>
      )
    case 'improved':
      return (
        <Pill icon={ArrowUpRight} t="green">
          improved
        </Pill>
      )
    case 'new':
      return (
        <Pill icon={Plus} t="blue">
          new
        </Pill>
      )
    case 'missing':
      return (
        <Pill icon={Minus} t="grey">
          missing
        </Pill>
      )
    case 'not_comparable':
      return (
        <Pill icon={CircleDashed} t="grey">
          not comparable
        </Pill>
      )
    default:
      return (
        <Pill icon={Equal} t="grey">
          unchanged
        </Pill>
      )
  }
}
