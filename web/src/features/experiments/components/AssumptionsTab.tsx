import { CheckCircle2, XCircle } from 'lucide-react'
import { ParityBadge } from '@/components/ui/Badges'
import { Table, Td, Th } from '@/components/ui/Table'
import type { RunExperiment } from '@/lib/types'

function Check({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return (
    <li className="flex items-start gap-2 text-sm">
      {ok ? (
        <CheckCircle2 aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-green-700 dark:text-green-400" />
      ) : (
        <XCircle aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-red-700 dark:text-red-400" />
      )}
      <span>
        <span className="sr-only">{ok ? 'Yes: ' : 'No: '}</span>
        {children}
      </span>
    </li>
  )
}

export function AssumptionsTab({ data }: { data: RunExperiment }) {
  const rs = data.results
  const fps = new Set(rs.map((r) => r.dataset?.fingerprint).filter(Boolean))
  const ns = new Set(rs.map((r) => `${r.dataset?.n}/${r.dataset?.seed}`))
  const ref = rs.find((r) => r.role === 'reference')
  const refZero = ref?.accuracy ? Object.values(ref.accuracy.metrics).every((m) => (m.max ?? 0) === 0) : null
  const allStated = rs.every((r) => r.model && r.parity)
  const notProvided = rs.filter((r) => r.accuracy?.not_provided?.length)
  return (
    <div className="space-y-6">
      <section>
        <h3 className="mb-2 text-sm font-semibold">Alignment checklist</h3>
        <ul className="space-y-1.5">
          <Check ok={fps.size === 1}>
            Every library saw the same inputs (dataset fingerprint{fps.size === 1 ? <span className="font-mono text-xs"> {[...fps][0]}</span> : `s differ: ${fps.size}`})
          </Check>
          <Check ok={ns.size === 1}>Same N and seed for every library ({[...ns].join(', ').replace('/', ', seed ')})</Check>
          <Check ok={!!ref}>A reference is identified{ref ? `: ${ref.library} (${ref.model ?? 'model not stated'})` : ''}</Check>
          {refZero !== null && <Check ok={refZero}>The reference scored against itself is exactly 0</Check>}
          <Check ok={allStated}>Every library states its model and parity class</Check>
          <Check ok={notProvided.length === 0}>
            Every library provides every output
            {notProvided.length > 0 && `: ${notProvided.map((r) => `${r.library} lacks ${r.accuracy!.not_provided!.join(', ')}`).join('; ')}`}
          </Check>
        </ul>
      </section>
      <section>
        <h3 className="mb-2 text-sm font-semibold">Models per library</h3>
        <Table caption="Models and conventions per library">
          <thead>
            <tr>
              <Th>Library</Th>
              <Th>Role</Th>
              <Th>Model</Th>
              <Th>Parity</Th>
              <Th>Conventions</Th>
            </tr>
          </thead>
          <tbody>
            {rs.map((r) => (
              <tr key={r.library}>
                <Td>{r.library}</Td>
                <Td>{r.role}</Td>
                <Td>{r.model ?? '—'}</Td>
                <Td>
                  <ParityBadge parity={r.parity} />
                </Td>
                <Td className="text-xs">{r.conventions ?? '—'}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </div>
  )
}
