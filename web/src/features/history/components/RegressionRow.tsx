import { useState } from 'react'
import { Link } from 'react-router'
import { Button } from '@/components/ui/Button'
import { Td } from '@/components/ui/Table'
import { ApiError } from '@/lib/api'
import { isStaticSite } from '@/lib/staticSite'
import { STATES, type Regression, type RegressionState } from '../api/parse'
import { usePatchRegression } from '../api/patchRegression'

const input = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900'
const pct = (v: number | null) => (v === null ? '' : `${v > 0 ? '+' : ''}${v.toFixed(1)} %`)

/** One detected change with its links (run, trend) and a small form to set its state, note and who. */
export function RegressionRow({ r }: { r: Regression }) {
  const label = `${r.library} ${r.experiment} ${r.metric} at ${r.run_id}`
  const trend = `/trends?${new URLSearchParams({ testbed: r.testbed, experiment: r.experiment, library: r.library })}`
  return (
    <tr>
      <Td>
        <span className={r.direction === 'regression' ? 'font-medium text-red-700 dark:text-red-300' : 'font-medium text-green-700 dark:text-green-300'}>
          {r.direction}
        </span>{' '}
        <span className="text-xs">{r.kind}</span>
      </Td>
      <Td>
        {r.library} · {r.experiment} · {r.metric}
        <div className="text-xs text-slate-600 dark:text-slate-400" title={r.detail}>
          {pct(r.change_pct)} {r.detail}
        </div>
      </Td>
      <Td>
        <Link className="underline" to={`/runs/${r.run_id}`}>
          {r.run_id}
        </Link>{' '}
        <Link className="text-xs underline" to={trend}>
          trend
        </Link>
      </Td>
      <Td className="font-mono text-xs">{r.testbed}</Td>
      <Td>{isStaticSite ? <StateText r={r} /> : <StateForm r={r} label={label} />}</Td>
    </tr>
  )
}

/** The published site is read-only: the state as the lab set it, with its note and who set it. */
function StateText({ r }: { r: Regression }) {
  return (
    <span className="text-sm">
      {r.state}
      {r.note && <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">— {r.note}</span>}
      {r.state_by && <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(set by {r.state_by})</span>}
    </span>
  )
}

function StateForm({ r, label }: { r: Regression; label: string }) {
  const [state, setState] = useState<RegressionState>(r.state)
  const [note, setNote] = useState(r.note ?? '')
  const [by, setBy] = useState(r.state_by ?? '')
  const patch = usePatchRegression()
  return (
    <form
      aria-label={`State of ${label}`}
      className="flex flex-wrap items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault()
        patch.mutate({ id: r.id, change: { state, by, note: note || undefined } })
      }}
    >
      <select aria-label="State" className={input} value={state} onChange={(e) => setState(e.target.value as RegressionState)}>
        {STATES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <input aria-label="Note" className={input} placeholder="note" value={note} onChange={(e) => setNote(e.target.value)} />
      <input aria-label="By" className={input} placeholder="who" value={by} onChange={(e) => setBy(e.target.value)} />
      <Button size="sm" type="submit" disabled={patch.isPending}>
        Save
      </Button>
      {patch.error && <span role="alert" className="text-xs text-red-700">{patch.error instanceof ApiError ? patch.error.message : String(patch.error)}</span>}
      {r.state_by && <span className="text-xs text-slate-600 dark:text-slate-400">set by {r.state_by}</span>}
    </form>
  )
}
