import { Card, PageHeader } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { Alert } from '@/components/ui/Alert'
import { useStorage } from '../api/getStorage'
import { fmtBytes } from '../lib/bytes'
import { RetentionPreviewCard } from './RetentionPreviewCard'
import { RetentionRulesForm } from './RetentionRulesForm'

const MB = 1024 * 1024

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {detail && <dd className="text-xs text-slate-500">{detail}</dd>}
    </div>
  )
}

function Usage() {
  const q = useStorage()
  return (
    <Card title="Disk usage">
      <QueryState isPending={q.isPending} error={q.error} label="Loading disk usage">
        {() => {
          const s = q.data!
          const low = s.free_bytes < s.low_disk_warn_mb * MB
          return (
            <>
              {low && (
                <Alert tone="warning" className="mb-3" title="Low disk space">
                  {fmtBytes(s.free_bytes)} free; new runs are refused below {fmtBytes(s.min_free_disk_mb * MB)}.
                </Alert>
              )}
              <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
                <Figure label="Free" value={fmtBytes(s.free_bytes)} detail={`of ${fmtBytes(s.capacity_bytes)}`} />
                <Figure label="Runs" value={fmtBytes(s.runs_bytes)} detail={`${s.runs_count} runs`} />
                <Figure label="Logs" value={fmtBytes(s.logs_bytes)} detail={`${s.logs_count} logs`} />
                <Figure label="Job database" value={fmtBytes(s.database_bytes)} />
                <Figure label="Lab total" value={fmtBytes(s.total_bytes)} />
                <Figure label="Warn below" value={fmtBytes(s.low_disk_warn_mb * MB)} detail={`refuse runs below ${fmtBytes(s.min_free_disk_mb * MB)}`} />
              </dl>
              <p className="mt-3 font-mono text-xs text-slate-500">{s.results_dir}</p>
            </>
          )
        }}
      </QueryState>
    </Card>
  )
}

/** /storage: usage, free space, the retention rules and what they would remove now. */
export function StoragePage() {
  return (
    <div className="space-y-4">
      <PageHeader title="Storage" subtitle="Disk usage, retention rules and what a sweep would remove." />
      <Usage />
      <RetentionRulesForm />
      <RetentionPreviewCard />
    </div>
  )
}
