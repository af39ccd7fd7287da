import { useSearchParams } from 'react-router'
import { Card, PageHeader } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { useHistory } from '../api/getHistory'
import { useSeries } from '../api/getSeries'
import { useTestbeds } from '../api/getTestbeds'
import { TrendChart } from './TrendChart'

const select = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900'

/** /trends?testbed=&experiment=&library=&order=: every metric series of one library in one experiment, one chart per series. */
export function TrendsPage() {
  const [params, setParams] = useSearchParams()
  const testbed = params.get('testbed') ?? ''
  const experiment = params.get('experiment') ?? ''
  const library = params.get('library') ?? ''
  const order = params.get('order') === 'commit' ? 'commit' : 'time'
  const testbeds = useTestbeds()
  const series = useSeries(testbed || undefined)
  const history = useHistory(experiment && library ? { experiment, library, testbed: testbed || undefined, order } : null)
  const experiments = [...new Set((series.data ?? []).map((s) => s.experiment))].sort()
  const libraries = [...new Set((series.data ?? []).filter((s) => s.experiment === experiment).map((s) => s.library))].sort()
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(name, value)
    else next.delete(name)
    if (name === 'experiment') next.delete('library')
    setParams(next)
  }
  return (
    <div className="space-y-4">
      <PageHeader title="Trends" subtitle="Each series is one testbed, experiment, library and metric over runs; markers show detected changes and version changes." />
      <Card>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2 text-sm">
            Testbed
            <select className={select} value={testbed} onChange={(e) => set('testbed', e.target.value)}>
              <option value="">all testbeds</option>
              {(testbeds.data ?? []).map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label ? `${t.label} (${t.key})` : t.key} · {t.runs} runs
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm">
            Experiment
            <select className={select} value={experiment} onChange={(e) => set('experiment', e.target.value)}>
              <option value="">choose…</option>
              {experiments.map((e) => (
                <option key={e}>{e}</option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm">
            Library
            <select className={select} value={library} onChange={(e) => set('library', e.target.value)} disabled={!experiment}>
              <option value="">choose…</option>
              {libraries.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm">
            Order
            <select className={select} value={order} onChange={(e) => set('order', e.target.value === 'time' ? '' : e.target.value)}>
              <option value="time">time</option>
              <option value="commit">commit</option>
            </select>
          </label>
        </div>
      </Card>
      {experiment && library ? (
        <QueryState isPending={history.isPending} error={history.error} label="Loading history">
          {() =>
            history.data!.length === 0 ? (
              <p className="text-sm">No runs of {library} in {experiment} yet.</p>
            ) : (
              <div className="space-y-6">
                {history.data!.map((s) => (
                  <TrendChart key={`${s.testbed}/${s.metric}`} series={s} />
                ))}
              </div>
            )
          }
        </QueryState>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Choose an experiment and a library.</p>
      )}
    </div>
  )
}
