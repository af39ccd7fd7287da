import { useState } from 'react'
import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card, PageHeader } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { useDeleteEndpoint } from '../api/deleteEndpoint'
import { useEndpoints } from '../api/getEndpoints'
import type { NotificationEndpoint } from '../api/parse'
import { useSendTest } from '../api/sendTest'
import { DeliveryLog } from './DeliveryLog'
import { EndpointForm } from './EndpointForm'

function filters(e: NotificationEndpoint): string {
  const parts = [e.event_types.length > 0 ? e.event_types.join(', ') : 'all events']
  if (e.notes_contains) parts.push(`notes contain “${e.notes_contains}”`)
  if (e.tags.length > 0) parts.push(e.tags.map((t) => `#${t}`).join(' '))
  return parts.join(' · ')
}

/** Webhook and email endpoints: create, edit, send a test, and read each one's delivery log. */
export function NotificationsPage() {
  const q = useEndpoints()
  const [editing, setEditing] = useState<NotificationEndpoint | 'new' | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const test = useSendTest()
  const remove = useDeleteEndpoint()
  const shown = q.data?.find((e) => e.id === selected) ?? null
  return (
    <div className="space-y-4">
      <PageHeader
        title="Notifications"
        subtitle="Webhooks and email on job and run events (docs/notifications.md)."
        actions={<Button onClick={() => setEditing('new')}>New endpoint</Button>}
      />
      {editing && (
        <Card title={editing === 'new' ? 'New endpoint' : `Edit ${editing.name}`}>
          <EndpointForm key={editing === 'new' ? 'new' : editing.id} endpoint={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        </Card>
      )}
      {test.isSuccess && <Alert tone="success">Test event {test.data.event_id} queued.</Alert>}
      {(test.error ?? remove.error) && <Alert tone="error">{(test.error ?? remove.error)?.message}</Alert>}
      <Card title="Endpoints">
        <QueryState isPending={q.isPending} error={q.error} label="Loading endpoints">
          {() =>
            q.data && q.data.length > 0 ? (
              <Table caption="Notification endpoints">
                <thead>
                  <tr>
                    <Th>Name</Th>
                    <Th>Kind</Th>
                    <Th>Target</Th>
                    <Th>Filters</Th>
                    <Th>State</Th>
                    <Th>Actions</Th>
                  </tr>
                </thead>
                <tbody>
                  {q.data.map((e) => (
                    <tr key={e.id} data-endpoint-id={e.id}>
                      <Td className="font-medium">{e.name}</Td>
                      <Td>{e.kind}</Td>
                      <Td className="break-all">
                        {e.kind === 'webhook' ? e.url : e.recipients.join(', ')}
                        {e.has_secret && <div className="text-xs text-slate-500">secret set</div>}
                      </Td>
                      <Td className="text-xs">{filters(e)}</Td>
                      <Td>{e.enabled ? 'enabled' : 'disabled'}</Td>
                      <Td>
                        <div className="flex flex-wrap gap-1">
                          <Button size="sm" variant="secondary" onClick={() => setEditing(e)} aria-label={`Edit ${e.name}`}>
                            Edit
                          </Button>
                          <Button size="sm" variant="secondary" disabled={test.isPending} onClick={() => { setSelected(e.id); test.mutate(e.id) }} aria-label={`Send test to ${e.name}`}>
                            Send test
                          </Button>
                          <Button size="sm" variant="secondary" onClick={() => setSelected(e.id)} aria-label={`Deliveries of ${e.name}`}>
                            Deliveries
                          </Button>
                          <Button
                            size="sm"
                            variant="danger"
                            onClick={() => { if (window.confirm(`Delete ${e.name} and its delivery log?`)) remove.mutate(e.id) }}
                            aria-label={`Delete ${e.name}`}
                          >
                            Delete
                          </Button>
                        </div>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">No endpoints yet. Add a webhook or email recipients to be told when jobs end.</p>
            )
          }
        </QueryState>
      </Card>
      {shown && (
        <Card title={`Delivery log: ${shown.name}`}>
          <DeliveryLog endpointId={shown.id} name={shown.name} />
        </Card>
      )}
    </div>
  )
}
