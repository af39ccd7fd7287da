import { useId, type FormEvent, type ReactNode } from 'react'
import { Loader2, Play } from 'lucide-react'
import { Button } from '@/components/ui/Button'
import { cn } from '@/lib/cn'
import type { Adapter, Experiment } from '@/lib/types'
import type { RunFormErrors, RunFormValues } from '../lib/runForm'

interface Props {
  values: RunFormValues
  onChange: (v: RunFormValues) => void
  onSubmit: () => void
  errors: RunFormErrors
  experiments: Experiment[]
  adapters: Adapter[]
  runDisabled: boolean
  spinner: boolean
  runLabel: string
  /** Rendered beside the Run button (the Cancel button lives there). */
  actions?: ReactNode
  /** Rendered just above the Run button (the run's predicted size). */
  notice?: ReactNode
}

function FieldError({ id, msg }: { id: string; msg?: string }) {
  if (!msg) return null
  return (
    <p id={id} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
      {msg}
    </p>
  )
}

const inputCls =
  'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-red-500'

export function RunForm({ values, onChange, onSubmit, errors, experiments, adapters, runDisabled, spinner, runLabel, actions, notice }: Props) {
  const id = useId()
  const set = <K extends keyof RunFormValues>(k: K, v: RunFormValues[K]) => onChange({ ...values, [k]: v })
  const toggle = (k: 'experiments' | 'libraries', item: string) => {
    const list = values[k]
    set(k, list.includes(item) ? list.filter((x) => x !== item) : [...list, item])
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!runDisabled) onSubmit()
  }
  const candidates = adapters.filter((a) => a.name)

  return (
    <form onSubmit={submit} noValidate aria-label="Benchmark configuration" className="space-y-5">
      <div className="grid gap-5 md:grid-cols-2">
        <fieldset aria-describedby={errors.experiments ? `${id}-exp-err` : undefined}>
          <legend className="mb-2 text-sm font-semibold">Experiments</legend>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" checked={values.allExperiments} onChange={(e) => set('allExperiments', e.target.checked)} />
            All experiments ({experiments.length})
          </label>
          <div className={cn('mt-2 max-h-56 space-y-1 overflow-auto rounded-md border border-slate-200 p-2 dark:border-slate-800', values.allExperiments && 'opacity-60')}>
            {experiments.map((x) => (
              <label key={x.id} className="flex items-start gap-2 text-sm" title={x.description}>
                <input
                  type="checkbox"
                  className="mt-0.5"
                  disabled={values.allExperiments}
                  checked={values.allExperiments || values.experiments.includes(x.id)}
                  onChange={() => toggle('experiments', x.id)}
                />
                <span>
                  <span className="font-mono text-xs">{x.id}</span> <span className="text-slate-600 dark:text-slate-400">— {x.title}</span>
                </span>
              </label>
            ))}
            {experiments.length === 0 && <p className="text-sm text-slate-500">No experiments loaded.</p>}
          </div>
          <FieldError id={`${id}-exp-err`} msg={errors.experiments} />
        </fieldset>

        <fieldset aria-describedby={errors.libraries ? `${id}-lib-err` : undefined}>
          <legend className="mb-2 text-sm font-semibold">Libraries</legend>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" checked={values.allLibraries} onChange={(e) => set('allLibraries', e.target.checked)} />
            All available libraries
          </label>
          <div className={cn('mt-2 max-h-56 space-y-1 overflow-auto rounded-md border border-slate-200 p-2 dark:border-slate-800', values.allLibraries && 'opacity-60')}>
            {candidates.map((a) => {
              const why = a.reason
              return (
                <label key={a.name} className={cn('flex items-start gap-2 text-sm', !a.available && 'cursor-not-allowed text-slate-400 dark:text-slate-500')}>
                  <input
                    type="checkbox"
                    className="mt-0.5"
                    disabled={values.allLibraries || !a.available}
                    checked={a.available && (values.allLibraries || values.libraries.includes(a.name))}
                    onChange={() => toggle('libraries', a.name)}
                    aria-describedby={!a.available ? `${id}-why-${a.name}` : undefined}
                  />
                  <span>
                    <span className="font-mono text-xs">{a.name}</span> <span className="text-slate-600 dark:text-slate-400">— {a.library} ({a.language})</span>
                    {!a.available && (
                      <span id={`${id}-why-${a.name}`} className="block text-xs">
                        Unavailable: {why || 'not built'}
                      </span>
                    )}
                  </span>
                </label>
              )
            })}
            {candidates.length === 0 && <p className="text-sm text-slate-500">No adapters loaded.</p>}
          </div>
          <FieldError id={`${id}-lib-err`} msg={errors.libraries} />
        </fieldset>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        {(
          [
            ['n', 'n', 'N (cases per experiment)'],
            ['seed', 'seed', 'Seed'],
            ['perfRounds', 'perf_rounds', 'Perf rounds'],
          ] as const
        ).map(([key, errKey, label]) => (
          <div key={key}>
            <label htmlFor={`${id}-${key}`} className="mb-1 block text-sm font-medium">
              {label}
            </label>
            <input
              id={`${id}-${key}`}
              inputMode="numeric"
              className={inputCls}
              value={values[key]}
              disabled={key === 'perfRounds' && values.noPerf}
              aria-invalid={!!errors[errKey]}
              aria-describedby={errors[errKey] ? `${id}-${key}-err` : undefined}
              onChange={(e) => set(key, e.target.value)}
            />
            <FieldError id={`${id}-${key}-err`} msg={errors[errKey]} />
          </div>
        ))}
      </div>

      <div className="flex flex-wrap gap-6">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.noPerf} onChange={(e) => set('noPerf', e.target.checked)} />
          Skip performance (accuracy only)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.ciMode} onChange={(e) => set('ciMode', e.target.checked)} />
          CI mode (1 short perf round; smoke-test numbers)
        </label>
      </div>

      <div>
        <label htmlFor={`${id}-notes`} className="mb-1 block text-sm font-medium">
          Notes
        </label>
        <textarea
          id={`${id}-notes`}
          rows={2}
          className={inputCls}
          value={values.notes}
          aria-invalid={!!errors.notes}
          aria-describedby={errors.notes ? `${id}-notes-err` : undefined}
          onChange={(e) => set('notes', e.target.value)}
        />
        <FieldError id={`${id}-notes-err`} msg={errors.notes} />
      </div>

      {notice}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={runDisabled} aria-busy={spinner}>
          {spinner ? <Loader2 aria-hidden data-testid="run-spinner" className="h-4 w-4 animate-spin" /> : <Play aria-hidden className="h-4 w-4" />}
          {runLabel}
        </Button>
        {actions}
      </div>
    </form>
  )
}
