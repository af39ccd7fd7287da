import { useState } from 'react'
import { Link } from 'react-router'
import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card, PageHeader } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { useDeleteSchedule } from '../api/deleteSchedule'
import { useSchedules } from '../api/getSchedules'
import { useSetScheduleEnabled } from '../api/setScheduleEnabled'
import { ScheduleForm } from './ScheduleForm'

/** Schedules are UTC on the server: show them in UTC, never the browser's zone. */
const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`

/** Cron schedules: list with next occurrences, create, enable/disable, delete (docs/schedules.md). */
export function SchedulesPage() {
  const q = useSchedules()
  const [adding, setAdding] = useState(false)
  const toggle = useSetScheduleEnabled()
  const remove = useDeleteSchedule()
  return (
    <div className="space-y-4">
      <PageHeader
        title="Schedules"
        subtitle="Jobs enqueued on a cron expression in UTC; after downtime only the latest missed run is caught up (docs/schedules.md)."
        actions={<Button onClick={() => setAdding(true)}>New schedule</Button>}
      />
      {adding && (
        <Card title="New schedule">
          <ScheduleForm onDone={() => setAdding(false)} />
        </Card>
      )}
      {(toggle.error ?? remove.error) && <Alert tone="error">{(toggle.error ?? remove.error)?.message}</Alert>}
      <Card title="Schedules">
        <QueryState isPending={q.isPending} error={q.error} label="Loading schedules">
          {() =>
            q.data && q.data.length > 0 ? (
              <Table caption="Schedules">
                <thead>
                  <tr>
                    <Th>Name</Th>
                    <Th>Cron (UTC)</Th>
                    <Th>Job</Th>
                    <Th>Next occurrences</Th>
                    <Th>Last fired</Th>
                    <Th>State</Th>
                    <Th>Actions</Th>
                  </tr>
                </thead>
                <tbody>
                  {q.data.map((s) => (
                    <tr key={s.id}>
                      <Td className="font-medium">{s.name}</Td>
                      <Td className="font-mono text-xs">{s.cron}</Td>
                      <Td className="text-xs">
                        {s.job.experiments.join(', ')} · {s.job.libraries?.join(', ') ?? 'all libraries'} · priority {s.priority}
                      </Td>
                      <Td className="text-xs">
                        {s.next_occurrences.length > 0 ? (
                          <ul aria-label={`Next occurrences of ${s.name}`}>
                            {s.next_occurrences.map((o) => (
                              <li key={o}>{utc(o)}</li>
                            ))}
                          </ul>
                        ) : (
                          '—'
                        )}
                      </Td>
                      <Td className="text-xs">
                        {s.last_fired_at ? utc(s.last_fired_at) : 'never'}
                        {s.last_job_id && (
                          <div>
                            <Link className="underline" to={`/jobs/${s.last_job_id}`}>
                              job {s.last_job_id}
                            </Link>
                          </div>
                        )}
                      </Td>
                      <Td>{s.enabled ? 'enabled' : 'disabled'}</Td>
                      <Td>
                        <div className="flex flex-wrap gap-1">
                          <Button size="sm" variant="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate({ id: s.id, enabled: !s.enabled })}
                            aria-label={`${s.enabled ? 'Disable' : 'Enable'} ${s.name}`}>
                            {s.enabled ? 'Disable' : 'Enable'}
                          </Button>
                          <Button size="sm" variant="danger" aria-label={`Delete ${s.name}`}
                            onClick={() => { if (window.confirm(`Delete schedule ${s.name}? Jobs it enqueued stay.`)) remove.mutate(s.id) }}>
                            Delete
                          </Button>
                        </div>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">No schedules yet.</p>
            )
          }
        </QueryState>
      </Card>
    </div>
  )
}
