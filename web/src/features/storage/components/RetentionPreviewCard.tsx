import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { useRetentionPreview } from '../api/getRetentionPreview'
import { useSweepRetention } from '../api/sweepRetention'
import { fmtBytes } from '../lib/bytes'

const RULES: Record<string, string> = { keep_last: 'beyond the last N', max_age_days: 'too old', max_total_mb: 'over the size limit' }

/** What the rules remove now (the same plan a sweep follows), and a "Sweep now" button. */
export function RetentionPreviewCard() {
  const q = useRetentionPreview()
  const sweep = useSweepRetention()
  const removed = sweep.data?.runs.filter((r) => r.outcome === 'removed').length ?? 0
  return (
    <Card
      title="Preview"
      actions={
        <Button variant="danger" disabled={sweep.isPending || q.isPending} onClick={() => sweep.mutate()}>
          Sweep now
        </Button>
      }
    >
      {sweep.error && <Alert tone="error" className="mb-3">{sweep.error.message}</Alert>}
      {sweep.data && (
        <Alert tone="success" className="mb-3">
          Swept: {removed} run{removed === 1 ? '' : 's'} removed, {fmtBytes(sweep.data.bytes_freed)} freed; {sweep.data.logs.count} logs and{' '}
          {sweep.data.jobs.count} job records removed.
        </Alert>
      )}
      <QueryState isPending={q.isPending} error={q.error} label="Loading the retention preview">
        {() => {
          const p = q.data!
          return (
            <>
              <p className="mb-2 text-sm" data-testid="preview-summary">
                {p.runs.length} run{p.runs.length === 1 ? '' : 's'} would go, freeing {fmtBytes(p.bytes_freed)}; {p.runs_kept} kept (
                {fmtBytes(p.bytes_kept)}). Logs: {p.logs.count} ({fmtBytes(p.logs.bytes)}). Job records: {p.jobs.count}.
              </p>
              {!p.size_limit_met && (
                <Alert tone="warning" className="mb-2">
                  Pinned and protected runs alone exceed the size limit: retention never deletes them.
                </Alert>
              )}
              <Table caption="Runs a sweep would remove">
                <thead>
                  <tr>
                    <Th>Run</Th>
                    <Th>Why</Th>
                    <Th className="text-right">Size</Th>
                  </tr>
                </thead>
                <tbody>
                  {p.runs.map((r) => (
                    <tr key={r.run_id}>
                      <Td className="font-mono text-xs">{r.run_id}</Td>
                      <Td>{RULES[r.rule] ?? r.rule}</Td>
                      <Td className="text-right tabular-nums">{fmtBytes(r.bytes)}</Td>
                    </tr>
                  ))}
                  {p.runs.length === 0 && (
                    <tr>
                      <Td colSpan={3} className="py-4 text-center text-slate-500">
                        Nothing to remove under the current rules.
                      </Td>
                    </tr>
                  )}
                </tbody>
              </Table>
            </>
          )
        }}
      </QueryState>
    </Card>
  )
}
