import { useSearchParams } from 'react-router'
import { PageHeader } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { Table, Th } from '@/components/ui/Table'
import { isStaticSite } from '@/lib/staticSite'
import { STATES } from '../api/parse'
import { useRegressions } from '../api/getRegressions'
import { RegressionRow } from './RegressionRow'

/** /regressions?state=: detected changes, newest run first, each with its state form. */
export function RegressionsPage() {
  const [params, setParams] = useSearchParams()
  const state = params.get('state') ?? 'open'
  const list = useRegressions(state === 'all' ? undefined : state)
  return (
    <div className="space-y-4">
      <PageHeader
        title="Regressions"
        subtitle={
          'Changes found across runs: accuracy at once for the same dataset, performance by change-point detection confirmed on the raw samples.' +
          (isStaticSite ? ' This published site is read-only: it shows each state as set in the lab; acknowledge a change or mark an expected shift there.' : '')
        }
        actions={
          <label className="flex items-center gap-2 text-sm">
            Show
            <select
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
              value={state}
              onChange={(e) => setParams(new URLSearchParams({ state: e.target.value }))}
            >
              {[...STATES, 'all'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        }
      />
      <QueryState isPending={list.isPending} error={list.error} label="Loading regressions">
        {() =>
          list.data!.length === 0 ? (
            <p className="text-sm">No {state === 'all' ? '' : `${state} `}changes.</p>
          ) : (
            <Table caption="Detected changes">
              <thead>
                <tr>
                  <Th>Change</Th>
                  <Th>Series</Th>
                  <Th>Run</Th>
                  <Th>Testbed</Th>
                  <Th>State</Th>
                </tr>
              </thead>
              <tbody>
                {list.data!.map((r) => (
                  <RegressionRow key={r.id} r={r} />
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
    </div>
  )
}
