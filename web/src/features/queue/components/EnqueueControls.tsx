import { useId, useState } from 'react'
import { Link } from 'react-router'
import { ListPlus } from 'lucide-react'
import { Button } from '@/components/ui/Button'
import { ApiError } from '@/lib/api'
import type { StartJobRequest } from '@/lib/types'
import { useEnqueueJob } from '../api/enqueueJob'
import { concurrencyKeyError, priorityError } from '../lib/queueFields'

interface Props {
  /** The validated start request from the run form, or null when the form has errors (it shows them). */
  request: () => StartJobRequest | null
  /** 422 messages for the run form's own fields. */
  onFieldErrors: (errors: Record<string, string>) => void
}

const inputCls =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-red-500'

/** "Enqueue" beside "Run Benchmark": adds the form's job to the queue with a priority and an optional concurrency key. */
export function EnqueueControls({ request, onFieldErrors }: Props) {
  const id = useId()
  const [priority, setPriority] = useState('0')
  const [key, setKey] = useState('')
  const [errors, setErrors] = useState<{ priority?: string; concurrency_key?: string }>({})
  const enqueue = useEnqueueJob()

  const submit = () => {
    const local = { priority: priorityError(priority) ?? undefined, concurrency_key: concurrencyKeyError(key) ?? undefined }
    setErrors(local)
    const body = request()
    if (!body || local.priority || local.concurrency_key) return
    enqueue.mutate(
      { ...body, priority: Number(priority), concurrency_key: key === '' ? null : key },
      {
        onError: (err) => {
          if (!(err instanceof ApiError) || err.status !== 422) return
          const fields = Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, v.join(' ')]))
          setErrors({ priority: fields.priority, concurrency_key: fields.concurrency_key })
          onFieldErrors(fields)
        },
      },
    )
  }

  const failure = enqueue.error && !(enqueue.error instanceof ApiError && enqueue.error.status === 422) ? (enqueue.error as Error).message : null
  return (
    <div className="flex flex-wrap items-start gap-2 border-l border-slate-200 pl-3 dark:border-slate-700">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-priority`} className="text-sm font-medium">
          Priority
        </label>
        <input
          id={`${id}-priority`}
          type="number"
          min={-100}
          max={100}
          step={1}
          title="Priority (−100 … 100; higher first)"
          placeholder="Priority"
          className={`${inputCls} w-24`}
          value={priority}
          aria-invalid={!!errors.priority}
          aria-describedby={errors.priority ? `${id}-priority-err` : undefined}
          onChange={(e) => setPriority(e.target.value)}
        />
        {errors.priority && (
          <p id={`${id}-priority-err`} className="basis-full max-w-56 text-xs font-medium text-red-700 dark:text-red-300">
            {errors.priority}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-key`} className="sr-only">
          Concurrency key (optional)
        </label>
        <input
          id={`${id}-key`}
          placeholder="Concurrency key (optional)"
          className={`${inputCls} w-56`}
          value={key}
          aria-invalid={!!errors.concurrency_key}
          aria-describedby={errors.concurrency_key ? `${id}-key-err` : undefined}
          onChange={(e) => setKey(e.target.value)}
        />
        {errors.concurrency_key && (
          <p id={`${id}-key-err`} className="mt-1 max-w-56 text-xs font-medium text-red-700 dark:text-red-300">
            {errors.concurrency_key}
          </p>
        )}
      </div>
      <Button type="button" variant="secondary" disabled={enqueue.isPending} onClick={submit}>
        <ListPlus aria-hidden className="h-4 w-4" /> {enqueue.isPending ? 'Enqueuing…' : 'Enqueue'}
      </Button>
      {enqueue.data && !enqueue.isPending && (
        <p role="status" className="basis-full text-sm text-slate-700 dark:text-slate-300">
          Job{' '}
          <Link className="font-mono underline" to={`/jobs/${enqueue.data.job_id}`}>
            {enqueue.data.job_id}
          </Link>{' '}
          queued at position {enqueue.data.queue_position ?? '—'}.
        </p>
      )}
      {failure && (
        <p role="alert" className="basis-full text-sm font-medium text-red-700 dark:text-red-300">
          Could not enqueue: {failure}
        </p>
      )}
    </div>
  )
}
