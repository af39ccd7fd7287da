import { Link, useParams } from 'react-router'
import { Card, PageHeader } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { Tabs } from '@/components/ui/Tabs'
import { useUrlState } from '@/lib/useUrlState'
import { useExperiments } from '../api/getExperiments'
import { useRunExperiment } from '../api/getRunExperiment'
import { AccuracyTab } from './AccuracyTab'
import { AssumptionsTab } from './AssumptionsTab'
import { OutliersTab } from './OutliersTab'
import { OverviewTab } from './OverviewTab'
import { PerformanceTab } from './PerformanceTab'

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'accuracy', label: 'Accuracy' },
  { id: 'performance', label: 'Performance' },
  { id: 'outliers', label: 'Outliers' },
  { id: 'assumptions', label: 'Assumptions' },
]

export function ExperimentDetailPage() {
  const { runId = '', experiment = '' } = useParams()
  // The tab is in the URL (shareable, follows Back/Forward) and switches at once.
  const [params, setParams] = useUrlState()
  const tab = TABS.some((t) => t.id === params.get('tab')) ? params.get('tab')! : 'overview'
  const setTab = (t: string) => setParams({ tab: t }, { replace: true })
  const q = useRunExperiment(runId, experiment)
  const catalog = useExperiments()
  const info = catalog.data?.find((e) => e.id === experiment)

  return (
    <div>
      <PageHeader
        title={info ? `${info.title}` : experiment}
        subtitle={
          <>
            <span className="font-mono">{experiment}</span> · run{' '}
            <Link className="font-mono underline" to={`/runs/${runId}`}>
              {runId}
            </Link>
            {info?.family && <> · family {info.family}</>}
          </>
        }
      />
      <Card>
        <QueryState isPending={q.isPending} error={q.error} label="Loading experiment">
          {() => (
            <Tabs tabs={TABS} value={tab} onChange={setTab}>
              {tab === 'overview' && <OverviewTab data={q.data!} info={info} />}
              {tab === 'accuracy' && <AccuracyTab data={q.data!} info={info} />}
              {tab === 'performance' && <PerformanceTab data={q.data!} />}
              {tab === 'outliers' && <OutliersTab data={q.data!} />}
              {tab === 'assumptions' && <AssumptionsTab data={q.data!} />}
            </Tabs>
          )}
        </QueryState>
      </Card>
    </div>
  )
}
