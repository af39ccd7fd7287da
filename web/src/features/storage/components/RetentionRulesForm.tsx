import { useEffect, useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { ApiError } from '@/lib/api'
import { useRetention, type RetentionRules } from '../api/getRetention'
import { useSaveRetention } from '../api/saveRetention'

type NumberField = 'keep_last' | 'max_age_days' | 'max_total_mb' | 'logs_max_age_days' | 'jobs_max_age_days'
const NUMBER_FIELDS: { key: NumberField; label: string; hint: string }[] = [
  { key: 'keep_last', label: 'Keep the last N runs', hint: 'runs' },
  { key: 'max_age_days', label: 'Maximum run age', hint: 'days' },
  { key: 'max_total_mb', label: 'Maximum total size of runs', hint: 'MiB' },
  { key: 'logs_max_age_days', label: 'Maximum job log age', hint: 'days' },
  { key: 'jobs_max_age_days', label: 'Maximum job history age', hint: 'days' },
]

type Draft = Record<NumberField | 'archive_dir', string> & { archive: boolean }

const toDraft = (r: RetentionRules): Draft => ({
  ...(Object.fromEntries(NUMBER_FIELDS.map(({ key }) => [key, r[key] === null ? '' : String(r[key])])) as Record<NumberField, string>),
  archive: r.archive,
  archive_dir: r.archive_dir ?? '',
})

// Empty = no limit; anything else goes to the server as typed, which judges it (422 per field).
const toRules = (d: Draft): RetentionRules => ({
  ...(Object.fromEntries(NUMBER_FIELDS.map(({ key }) => [key, d[key].trim() === '' ? null : Number(d[key])])) as Record<NumberField, number | null>),
  archive: d.archive,
  archive_dir: d.archive_dir.trim() === '' ? null : d.archive_dir,
})

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null
  return (
    <p id={id} className="mt-1 text-xs text-red-700 dark:text-red-400">
      {messages.join(' ')}
    </p>
  )
}

export function RetentionRulesForm() {
  const q = useRetention()
  const save = useSaveRetention()
  const [draft, setDraft] = useState<Draft | null>(null)
  useEffect(() => {
    if (q.data) setDraft(toDraft(q.data.rules))
  }, [q.data])
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (draft) save.mutate(toRules(draft))
  }
  const input = 'w-40 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900'
  return (
    <Card title="Retention rules">
      <QueryState isPending={q.isPending || !draft} error={q.error} label="Loading retention rules">
        {() => (
          <form onSubmit={submit} aria-label="Retention rules" noValidate>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
              Empty means no limit. Pinned runs and runs a job still uses are never deleted. Rules in force come from{' '}
              {q.data!.source === 'saved' ? 'this page' : 'appsettings.json'}; sweeps run every {q.data!.sweep_interval_minutes} min and after each job.
            </p>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {NUMBER_FIELDS.map(({ key, label, hint }) => (
                <div key={key}>
                  <label className="block text-sm font-medium" htmlFor={`retention-${key}`}>
                    {label} <span className="font-normal text-slate-500">({hint})</span>
                  </label>
                  <input
                    id={`retention-${key}`}
                    className={input}
                    inputMode="decimal"
                    value={draft![key]}
                    aria-invalid={errors[key] ? true : undefined}
                    aria-describedby={errors[key] ? `retention-${key}-error` : undefined}
                    onChange={(e) => setDraft({ ...draft!, [key]: e.target.value })}
                  />
                  <FieldError id={`retention-${key}-error`} messages={errors[key]} />
                </div>
              ))}
            </div>
            <div className="mt-3 flex flex-wrap items-end gap-4">
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={draft!.archive} onChange={(e) => setDraft({ ...draft!, archive: e.target.checked })} />
                Archive runs (.tar.gz) instead of deleting them
              </label>
              <div>
                <label className="block text-sm font-medium" htmlFor="retention-archive_dir">
                  Archive folder
                </label>
                <input
                  id="retention-archive_dir"
                  className={`${input} w-72`}
                  placeholder={q.data!.archive_path}
                  value={draft!.archive_dir}
                  aria-invalid={errors.archive_dir ? true : undefined}
                  aria-describedby={errors.archive_dir ? 'retention-archive_dir-error' : undefined}
                  onChange={(e) => setDraft({ ...draft!, archive_dir: e.target.value })}
                />
                <FieldError id="retention-archive_dir-error" messages={errors.archive_dir} />
              </div>
            </div>
            {save.error && !(save.error instanceof ApiError && save.error.status === 422) && (
              <Alert tone="error" className="mt-3">
                {save.error.message}
              </Alert>
            )}
            {save.error instanceof ApiError && save.error.status === 422 && (
              <Alert tone="error" className="mt-3" title="Rules not saved">
                Fix the fields marked above.
              </Alert>
            )}
            {save.isSuccess && <Alert tone="success" className="mt-3">Rules saved.</Alert>}
            <div className="mt-3 flex gap-2">
              <Button type="submit" disabled={save.isPending}>
                Save rules
              </Button>
              <Button variant="secondary" disabled={save.isPending || q.data!.source !== 'saved'} onClick={() => save.mutate(null)}>
                Use appsettings rules
              </Button>
            </div>
          </form>
        )}
      </QueryState>
    </Card>
  )
}
