import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtNum } from '@/lib/format'
import { usePairs } from '../api/getPairs'

/** The all-pairs matrices: p99 / max of the per-case distance between each two libraries' outputs, per experiment. */
export function PairsCard({ runId }: { runId: string }) {
  const q = usePairs(runId, true)
  return (
    <QueryState isPending={q.isPending} error={q.error} label="Loading all pairs">
      {() => (
        <div className="space-y-4">
          {q.data!.map((m) => (
            <Table key={m.experiment} caption={`${m.experiment}: p99 / max of ${m.metric} (${m.unit}) between each two libraries`}>
              <thead>
                <tr>
                  <Th>{m.experiment} ({m.unit})</Th>
                  {m.libraries.map((l) => <Th key={l}>{l}</Th>)}
                </tr>
              </thead>
              <tbody>
                {m.libraries.map((a) => (
                  <tr key={a}>
                    <Th scope="row">{a}</Th>
                    {m.libraries.map((b) => {
                      const p = m.pairs.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a))
                      return <Td key={b} className="font-mono text-xs">{a === b ? '—' : p ? `${fmtNum(p.p99)} / ${fmtNum(p.max)}` : ''}</Td>
                    })}
                  </tr>
                ))}
              </tbody>
            </Table>
          ))}
        </div>
      )}
    </QueryState>
  )
}
