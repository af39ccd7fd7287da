import { useState, type FormEvent, type ReactNode } from 'react'
import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { ApiError } from '@/lib/api'
import { useEventTypes } from '../api/getEventTypes'
import type { NotificationEndpoint } from '../api/parse'
import { useSaveEndpoint } from '../api/saveEndpoint'
import { formFrom, toInput, type EndpointFormState } from '../lib/endpointForm'

const input = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800'

function Field({ label, id, errors, hint, children }: { label: string; id: string; errors?: string[]; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && <p className="text-xs text-slate-600 dark:text-slate-400">{hint}</p>}
      {errors?.map((e) => (
        <p key={e} className="text-xs text-red-700 dark:text-red-400">
          {e}
        </p>
      ))}
    </div>
  )
}

/** Create or edit an endpoint. The secret field is write-only: "set" on create, "replace" (or remove) on edit. */
export function EndpointForm({ endpoint, onDone }: { endpoint: NotificationEndpoint | null; onDone: () => void }) {
  const [f, setF] = useState<EndpointFormState>(() => formFrom(endpoint))
  const save = useSaveEndpoint()
  const types = useEventTypes()
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {}
  const set = <K extends keyof EndpointFormState>(k: K, v: EndpointFormState[K]) => setF((s) => ({ ...s, [k]: v }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate({ id: endpoint?.id, input: toInput(f, endpoint !== null) }, { onSuccess: onDone })
  }
  const toggleType = (t: string) => set('eventTypes', f.eventTypes.includes(t) ? f.eventTypes.filter((x) => x !== t) : [...f.eventTypes, t])
  return (
    <form onSubmit={submit} aria-label={endpoint ? `Edit ${endpoint.name}` : 'New endpoint'} className="space-y-3">
      <fieldset className="flex gap-4">
        <legend className="mb-1 text-sm font-medium">Kind</legend>
        {(['webhook', 'email'] as const).map((k) => (
          <label key={k} className="flex items-center gap-1 text-sm">
            <input type="radio" name="kind" value={k} checked={f.kind === k} onChange={() => set('kind', k)} /> {k === 'webhook' ? 'Webhook' : 'Email'}
          </label>
        ))}
      </fieldset>
      <Field label="Name" id="ep-name" errors={errors.name}>
        <input id="ep-name" className={input} value={f.name} onChange={(e) => set('name', e.target.value)} />
      </Field>
      {f.kind === 'webhook' ? (
        <>
          <Field label="URL" id="ep-url" errors={errors.url}>
            <input id="ep-url" className={input} value={f.url} placeholder="https://…" onChange={(e) => set('url', e.target.value)} />
          </Field>
          <Field
            label={endpoint?.has_secret ? 'Replace secret' : 'Secret'}
            id="ep-secret"
            errors={errors.secret}
            hint={endpoint?.has_secret ? 'A secret is set. Leave empty to keep it.' : 'Signs each request (X-AstroBench-Signature). Never shown again.'}
          >
            <input id="ep-secret" type="password" autoComplete="new-password" className={input} value={f.secret} onChange={(e) => set('secret', e.target.value)} />
          </Field>
          {endpoint?.has_secret && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={f.removeSecret} onChange={(e) => set('removeSecret', e.target.checked)} /> Remove the secret
            </label>
          )}
        </>
      ) : (
        <Field label="Recipients" id="ep-recipients" errors={errors.recipients} hint="Addresses separated by commas or new lines.">
          <textarea id="ep-recipients" className={input} rows={2} value={f.recipients} onChange={(e) => set('recipients', e.target.value)} />
        </Field>
      )}
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Events (none checked: all)</legend>
        <div className="flex flex-wrap gap-3">
          {(types.data ?? []).map((t) => (
            <label key={t} className="flex items-center gap-1 text-sm">
              <input type="checkbox" checked={f.eventTypes.includes(t)} onChange={() => toggleType(t)} /> {t}
            </label>
          ))}
        </div>
        {errors.event_types?.map((e) => (
          <p key={e} className="text-xs text-red-700 dark:text-red-400">
            {e}
          </p>
        ))}
      </fieldset>
      <Field label="Notes contain" id="ep-notes" errors={errors.notes_contains} hint="Only jobs whose notes contain this text (any case).">
        <input id="ep-notes" className={input} value={f.notesContains} onChange={(e) => set('notesContains', e.target.value)} />
      </Field>
      <Field label="Tags" id="ep-tags" errors={errors.tags} hint="Only jobs with one of these #tags in their notes, e.g. #nightly #release.">
        <input id="ep-tags" className={input} value={f.tags} onChange={(e) => set('tags', e.target.value)} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={f.enabled} onChange={(e) => set('enabled', e.target.checked)} /> Enabled
      </label>
      {save.error && <Alert tone="error" title="Not saved">{save.error.message}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {endpoint ? 'Save changes' : 'Create endpoint'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  )
}
