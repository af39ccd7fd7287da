import { useMemo, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { ChevronLeft, ChevronRight, Download, GitCompare } from 'lucide-react'
import { CompleteBadge } from '@/components/ui/Badges'
import { Button } from '@/components/ui/Button'
import { Card, PageHeader } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtDate } from '@/lib/format'
import { fmtBytes } from '@/features/storage/lib/bytes'
import { runDownloadUrl } from '../api/getRun'
import { BaselineBadge } from '@/features/baselines'
import { isStaticSite } from '@/lib/staticSite'
import { useRuns } from '../api/getRuns'
import { RunActions } from './RunActions'

const PAGE = 50

function listText(items: string[], max = 3) {
  if (!items?.length) return '—'
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} +${items.length - max}`
}

export function RunsPage() {
  const q = useRuns()
  const navigate = useNavigate()
  const [filter, setFilter] = useState('')
  const [page, setPage] = useState(0)
  const [picked, setPicked] = useState<string[]>([])

  const filtered = useMemo(() => {
    const f = filter.trim().toLowerCase()
    const runs = q.data ?? []
    if (!f) return runs
    return runs.filter((r) => [r.id, r.machine ?? '', ...r.experiments, ...r.libraries].some((s) => s.toLowerCase().includes(f)))
  }, [q.data, filter])
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE))
  const current = Math.min(page, pages - 1)
  const rows = filtered.slice(current * PAGE, current * PAGE + PAGE)

  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)))
  const compare = () => {
    // Baseline A = the older run (ids sort chronologically).
    const [a, b] = [...picked].sort()
    navigate(`/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`)
  }

  return (
    <div>
      <PageHeader
        title="Runs"
        subtitle="Published run folders, newest first."
        actions={
          <Button disabled={picked.length !== 2} onClick={compare}>
            <GitCompare aria-hidden className="h-4 w-4" /> Compare selected ({picked.length}/2)
          </Button>
        }
      />
      <Card>
        <div className="mb-3 flex flex-wrap items-center gap-3">
          <label className="text-sm">
            <span className="sr-only">Filter runs</span>
            <input
              type="search"
              placeholder="Filter by id, machine, experiment, library"
              value={filter}
              onChange={(e) => {
                setFilter(e.target.value)
                setPage(0)
              }}
              className="w-80 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="runs-count">
            {filtered.length} run{filtered.length === 1 ? '' : 's'}
          </span>
        </div>
        <QueryState isPending={q.isPending} error={q.error} label="Loading runs">
          {() => (
            <>
              <Table caption="Runs">
                <thead>
                  <tr>
                    <Th>
                      <span className="sr-only">Select for comparison</span>
                    </Th>
                    <Th>Run</Th>
                    <Th>Started (local time)</Th>
                    <Th>Machine</Th>
                    <Th>Experiments</Th>
                    <Th>Libraries</Th>
                    <Th className="text-right">Results</Th>
                    <Th>Completeness</Th>
                    <Th className="text-right">Size</Th>
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} data-run-id={r.id}>
                      <Td>
                        <input
                          type="checkbox"
                          aria-label={`Select ${r.id} for comparison`}
                          checked={picked.includes(r.id)}
                          onChange={() => toggle(r.id)}
                        />
                      </Td>
                      <Td className="whitespace-nowrap font-mono text-xs">
                        <Link className="underline" to={`/runs/${r.id}`}>
                          {r.id}
                        </Link>
                      </Td>
                      <Td className="whitespace-nowrap">{fmtDate(r.timestamp)}</Td>
                      <Td>{r.machine ?? '—'}</Td>
                      <Td className="text-xs" title={r.experiments.join(', ')}>
                        {listText(r.experiments)}
                      </Td>
                      <Td className="text-xs" title={r.libraries.join(', ')}>
                        {listText(r.libraries, 4)}
                      </Td>
                      <Td className="text-right tabular-nums">{r.result_count}</Td>
                      <Td>
                        <CompleteBadge complete={r.complete} /> <BaselineBadge runId={r.id} />
                      </Td>
                      <Td className="whitespace-nowrap text-right tabular-nums">{fmtBytes(r.bytes)}</Td>
                      <Td className="whitespace-nowrap">
                        <Link className="mr-3 text-sm underline" to={`/runs/${r.id}`}>
                          Open
                        </Link>
                        {!isStaticSite && (
                          <>
                            <a className="inline-flex items-center gap-1 text-sm underline" href={runDownloadUrl(r.id)} download>
                              <Download aria-hidden className="h-3.5 w-3.5" /> zip
                            </a>
                            <RunActions run={r} />
                          </>
                        )}
                      </Td>
                    </tr>
                  ))}
                  {rows.length === 0 && (
                    <tr>
                      <Td colSpan={10} className="py-6 text-center text-slate-500">
                        No runs yet. <Link className="underline" to="/run">Run a benchmark</Link>.
                      </Td>
                    </tr>
                  )}
                </tbody>
              </Table>
              {pages > 1 && (
                <div className="mt-3 flex items-center justify-end gap-2 text-sm">
                  <Button size="sm" variant="secondary" disabled={current === 0} onClick={() => setPage(current - 1)}>
                    <ChevronLeft aria-hidden className="h-4 w-4" /> Newer
                  </Button>
                  <span>
                    Page {current + 1} of {pages}
                  </span>
                  <Button size="sm" variant="secondary" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
                    Older <ChevronRight aria-hidden className="h-4 w-4" />
                  </Button>
                </div>
              )}
            </>
          )}
        </QueryState>
      </Card>
    </div>
  )
}
