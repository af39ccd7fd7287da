import { useState } from 'react'
import { ChevronLeft, ChevronRight } from 'lucide-react'
import { Button } from '@/components/ui/Button'
import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtNum } from '@/lib/format'
import type { RunExperiment } from '@/lib/types'
import { useCases } from '../api/getCases'

const PAGE = 100

function CaseExplorer({ runId, experiment }: { runId: string; experiment: string }) {
  const [offset, setOffset] = useState(0)
  const [jump, setJump] = useState('')
  const q = useCases(runId, experiment, offset, PAGE)
  const total = q.data?.total ?? 0
  return (
    <section aria-label="Case explorer" className="space-y-2">
      <h3 className="text-sm font-semibold">Case explorer</h3>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Button size="sm" variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          <ChevronLeft aria-hidden className="h-4 w-4" /> Previous
        </Button>
        <span className="tabular-nums">
          cases {total ? offset + 1 : 0}–{Math.min(total, offset + PAGE)} of {total.toLocaleString()}
        </span>
        <Button size="sm" variant="secondary" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          Next <ChevronRight aria-hidden className="h-4 w-4" />
        </Button>
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault()
            const i = Number(jump)
            if (Number.isInteger(i) && i >= 0 && i < total) setOffset(Math.floor(i / PAGE) * PAGE)
          }}
        >
          <label htmlFor="case-jump" className="text-slate-600 dark:text-slate-400">
            Go to case index
          </label>
          <input id="case-jump" value={jump} onChange={(e) => setJump(e.target.value)} inputMode="numeric" className="w-24 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900" />
          <Button size="sm" variant="secondary" type="submit">
            Go
          </Button>
        </form>
      </div>
      <QueryState isPending={q.isPending} error={q.error} label="Loading cases">
        {() => (
          <div className="max-h-[480px] overflow-auto">
            <Table caption="Per-case inputs, outputs and errors">
              <thead className="sticky top-0">
                <tr>
                  {q.data!.columns.map((c) => (
                    <Th key={c} className="font-mono text-xs">
                      {c}
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {q.data!.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((v, j) => (
                      <Td key={j} className="whitespace-nowrap font-mono text-xs tabular-nums">
                        {typeof v === 'number' ? (j === 0 ? v : fmtNum(v, 10)) : (v ?? 'NaN')}
                      </Td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </QueryState>
    </section>
  )
}

export function OutliersTab({ data }: { data: RunExperiment }) {
  const withWorst = data.results.filter((r) => r.accuracy?.worst_cases?.length && r.role !== 'reference')
  return (
    <div className="space-y-6">
      {withWorst.length === 0 && <p className="text-sm text-slate-500">No worst cases recorded.</p>}
      {withWorst.map((r) => {
        const unit = r.accuracy!.metrics[r.accuracy!.primary_metric]?.unit
        const inputs = Object.keys(r.accuracy!.worst_cases![0].inputs ?? {})
        return (
          <section key={r.library} aria-label={`Worst cases for ${r.library}`}>
            <h3 className="mb-2 text-sm font-semibold">Worst cases: {r.library}</h3>
            <Table caption={`Worst cases for ${r.library}`}>
              <thead>
                <tr>
                  <Th>case</Th>
                  <Th>metric</Th>
                  <Th className="text-right">|error|</Th>
                  {inputs.map((c) => (
                    <Th key={c} className="font-mono text-xs">
                      {c}
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.accuracy!.worst_cases!.map((w, i) => (
                  <tr key={i}>
                    <Td className="tabular-nums">{w.index}</Td>
                    <Td className="font-mono text-xs">{w.metric}</Td>
                    <Td className="text-right tabular-nums">
                      {fmtNum(Math.abs(w.value))} {unit}
                    </Td>
                    {inputs.map((c) => (
                      <Td key={c} className="font-mono text-xs tabular-nums">
                        {typeof w.inputs[c] === 'number' ? fmtNum(w.inputs[c] as number, 12) : String(w.inputs[c])}
                      </Td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          </section>
        )
      })}
      <CaseExplorer runId={data.run_id} experiment={data.experiment} />
    </div>
  )
}
