import { useId } from 'react'
import { useExecutors } from '../api/getExecutors'

/** The placement a start request carries (docs/slurm.md): empty = the lab's default executor and partition. */
export interface Placement {
  executor?: string
  partition?: string
}

const selectCls = 'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900'

/** Executor and partition for the Run form; shown only when the lab has Slurm configured. */
export function PlacementFields({ value, onChange }: { value: Placement; onChange: (p: Placement) => void }) {
  const id = useId()
  const q = useExecutors()
  if (!q.data?.slurm_configured) return null
  const ex = q.data
  const executor = value.executor ?? ex.default
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold">Where it runs</legend>
      <div>
        <label htmlFor={`${id}-executor`} className="mb-1 block text-sm font-medium">
          Executor
        </label>
        <select
          id={`${id}-executor`}
          className={selectCls}
          value={executor}
          onChange={(e) => onChange(e.target.value === 'slurm' ? { executor: 'slurm', partition: value.partition } : { executor: 'local' })}
        >
          {ex.executors.map((x) => (
            <option key={x} value={x}>
              {x === 'slurm' ? 'Slurm cluster' : 'This machine'}
            </option>
          ))}
        </select>
      </div>
      {executor === 'slurm' && (
        <div>
          <label htmlFor={`${id}-partition`} className="mb-1 block text-sm font-medium">
            Partition
          </label>
          <select
            id={`${id}-partition`}
            className={selectCls}
            value={value.partition ?? ''}
            onChange={(e) => onChange({ ...value, executor: 'slurm', partition: e.target.value || undefined })}
          >
            <option value="">Default{ex.default_partition ? ` (${ex.default_partition})` : ''}</option>
            {ex.partitions.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          {ex.slurm_error && <p className="mt-1 text-xs text-red-700 dark:text-red-300">Slurm does not answer: {ex.slurm_error}</p>}
        </div>
      )}
    </fieldset>
  )
}
