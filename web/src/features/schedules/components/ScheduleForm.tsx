import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { ApiError } from '@/lib/api'
import { useCreateSchedule, type ScheduleInput } from '../api/createSchedule'

const inputClass = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800'

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean)

/** Messages the server gave for these fields (the cron is validated by the server's Cronos, not here). */
function Messages({ errors }: { errors: string[] | undefined }) {
  return errors?.map((e) => (
    <p key={e} className="text-xs text-red-700 dark:text-red-400">
      {e}
    </p>
  ))
}

/** New schedule: name, 5-field UTC cron and the job to enqueue. */
export function ScheduleForm({ onDone }: { onDone: () => void }) {
  const [f, setF] = useState({ name: '', cron: '', experiments: '', libraries: '', n: '', noPerf: true, priority: '0' })
  const create = useCreateSchedule()
  const errors = create.error instanceof ApiError ? create.error.fieldErrors : {}
  const set = (k: keyof typeof f, v: string | boolean) => setF((s) => ({ ...s, [k]: v }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const job: ScheduleInput['job'] = { no_perf: f.noPerf }
    if (list(f.experiments).length > 0) job.experiments = list(f.experiments)
    if (list(f.libraries).length > 0) job.libraries = list(f.libraries)
    if (f.n.trim()) job.n = Number(f.n)
    create.mutate({ name: f.name, cron: f.cron, job, priority: Number(f.priority) }, { onSuccess: onDone })
  }
  const text = (k: 'name' | 'cron' | 'experiments' | 'libraries' | 'n' | 'priority', label: string, field: string, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={`schedule-${k}`} className="block text-sm font-medium">
        {label}
      </label>
      <input id={`schedule-${k}`} className={inputClass} value={f[k]} onChange={(e) => set(k, e.target.value)} />
      {hint && <p className="text-xs text-slate-600 dark:text-slate-400">{hint}</p>}
      <Messages errors={errors[field]} />
    </div>
  )
  return (
    <form onSubmit={submit} aria-label="New schedule" className="space-y-3">
      {text('name', 'Name', 'name')}
      {text('cron', 'Cron (UTC)', 'cron', 'Five fields: minute hour day-of-month month day-of-week, e.g. 0 3 * * 1-5')}
      {text('experiments', 'Experiments', 'job.experiments', 'Comma-separated; empty for all')}
      {text('libraries', 'Libraries', 'job.libraries', 'Comma-separated; empty for all')}
      {text('n', 'Cases (n)', 'job.n')}
      {text('priority', 'Priority', 'priority')}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={f.noPerf} onChange={(e) => set('noPerf', e.target.checked)} /> Skip performance timing
      </label>
      {create.error && <Alert tone="error">{create.error.message}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending}>
          Create schedule
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  )
}
