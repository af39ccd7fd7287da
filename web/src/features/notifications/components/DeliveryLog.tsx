import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { useDeliveries } from '../api/getDeliveries'
import type { Delivery } from '../api/parse'

const tone: Record<Delivery['status'], string> = {
  pending: 'text-blue-700 dark:text-blue-300',
  delivered: 'text-green-700 dark:text-green-300',
  failed: 'text-red-700 dark:text-red-400',
}

/** An endpoint's deliveries, newest first, each with its attempts (status codes, durations, errors). */
export function DeliveryLog({ endpointId, name }: { endpointId: string; name: string }) {
  const q = useDeliveries(endpointId)
  return (
    <QueryState isPending={q.isPending} error={q.error} label="Loading deliveries">
      {() =>
        q.data && q.data.length > 0 ? (
          <Table caption={`Delivery log of ${name}`}>
            <thead>
              <tr>
                <Th>Event</Th>
                <Th>Status</Th>
                <Th>Attempts</Th>
                <Th>Created</Th>
                <Th>Attempt log</Th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((d) => (
                <tr key={d.id} data-delivery-id={d.id}>
                  <Td>
                    <div className="font-medium">{d.event_type}</div>
                    <div className="font-mono text-xs text-slate-500">{d.event_id}</div>
                  </Td>
                  <Td className={tone[d.status]}>
                    {d.status}
                    {d.status === 'pending' && d.rounds > 0 && <div className="text-xs">next try {d.next_attempt_at}</div>}
                    {d.last_error && d.status !== 'delivered' && <div className="text-xs">{d.last_error}</div>}
                  </Td>
                  <Td>{d.attempts}</Td>
                  <Td className="whitespace-nowrap text-xs">{d.created_at}</Td>
                  <Td>
                    <ol className="space-y-0.5 text-xs">
                      {d.attempt_log.map((a) => (
                        <li key={a.attempt}>
                          #{a.attempt}: {a.status_code ?? 'no answer'} in {a.duration_ms.toFixed(1)} ms{a.error ? ` (${a.error})` : ''}
                        </li>
                      ))}
                    </ol>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No deliveries yet.</p>
        )
      }
    </QueryState>
  )
}
