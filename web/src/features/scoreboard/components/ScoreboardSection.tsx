import { useState } from 'react'
import { Card } from '@/components/ui/Card'
import { QueryState } from '@/components/ui/QueryState'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtNs, fmtNum } from '@/lib/format'
import { useScoreboard, type RunScoreboard, type Tally } from '../api/getScoreboard'
import { framePairs, heatCell, rankedCount, type HeatmapKind } from './heatmapModel'
import { PairsCard } from './PairsCard'

const wtl = (t: Tally) => `${t.wins}/${t.ties}/${t.losses}`

function Standings({ board }: { board: RunScoreboard }) {
  return (
    <Table caption="Scoreboard: ranks and pairwise wins/ties/losses per library">
      <thead>
        <tr>
          {['library', 'accuracy rank', 'accuracy W/T/L', 'mean accuracy rank', 'speed rank', 'speed W/T/L', 'mean speed rank', 'experiments'].map((h) => (
            <Th key={h}>{h}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {board.standings.map((s) => (
          <tr key={s.library}>
            <Td className="font-medium">{s.library}</Td>
            <Td>{s.accuracy_rank}</Td>
            <Td>{wtl(s.accuracy)}</Td>
            <Td>{fmtNum(s.mean_accuracy_rank, 2)}</Td>
            <Td>{s.speed_rank}</Td>
            <Td>{wtl(s.speed)}</Td>
            <Td>{fmtNum(s.mean_speed_rank, 2)}</Td>
            <Td>{s.experiments}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

function Pairwise({ board }: { board: RunScoreboard }) {
  return (
    <Table caption="Pairwise wins/ties/losses, row library against column library (accuracy | speed)">
      <thead>
        <tr>
          <Th>library \ opponent</Th>
          {board.libraries.map((l) => <Th key={l}>{l}</Th>)}
        </tr>
      </thead>
      <tbody>
        {board.libraries.map((a) => (
          <tr key={a}>
            <Th scope="row">{a}</Th>
            {board.libraries.map((b) => {
              const r = board.pairwise.find((p) => p.library === a && p.opponent === b)
              return <Td key={b} className="font-mono text-xs">{a === b ? '—' : r ? `${wtl(r.accuracy)} | ${wtl(r.speed)}` : ''}</Td>
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

function Heatmap({ board, kind }: { board: RunScoreboard; kind: HeatmapKind }) {
  const caption = kind === 'accuracy' ? 'Accuracy heatmap: p99 of the primary error per experiment and library' : 'Speed heatmap: median time per call per experiment and library'
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>experiment</Th>
          {board.libraries.map((l) => <Th key={l}>{l}</Th>)}
        </tr>
      </thead>
      <tbody>
        {board.experiments.map((e) => {
          const ranked = rankedCount(e.entries, kind)
          const fmt = kind === 'accuracy' ? (v: number | null) => fmtNum(v) : (v: number | null) => fmtNs(v)
          return (
            <tr key={e.experiment}>
              <Th scope="row" className="font-mono text-xs">
                {e.experiment}
                {kind === 'accuracy' && e.unit ? ` (${e.unit})` : ''}
                {kind === 'accuracy' && e.reference_uncertainty ? ` U=${fmtNum(e.reference_uncertainty.value)}` : ''}
              </Th>
              {board.libraries.map((l) => {
                const c = heatCell(e.entries.find((x) => x.library === l), kind, ranked, fmt)
                return <Td key={l} className={`font-mono text-xs ${c.tone}`} title={c.note}>{c.text}</Td>
              })}
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}

function FramePairs({ board }: { board: RunScoreboard }) {
  const { froms, tos, cell } = framePairs(board.experiments)
  return (
    <Table caption="Frame pairs: which experiment connects which frames (FROM rows, TO columns), with the libraries that completed it">
      <thead>
        <tr>
          <Th>from \ to</Th>
          {tos.map((t) => <Th key={t}>{t}</Th>)}
        </tr>
      </thead>
      <tbody>
        {froms.map((f) => (
          <tr key={f}>
            <Th scope="row">{f}</Th>
            {tos.map((t) => (
              <Td key={t} className="text-xs">
                {cell(f, t).map((e) => (
                  <div key={e.experiment}>
                    <span className="font-mono">{e.experiment}</span>{' '}
                    <span className="text-slate-500">{e.entries.filter((x) => x.outcome === 'completed').map((x) => x.library).join(', ')}</span>
                  </div>
                ))}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

/** The Scoreboard section of the run dashboard (docs/scoreboard.md). */
export function ScoreboardSection({ runId }: { runId: string }) {
  const q = useScoreboard(runId)
  const [showPairs, setShowPairs] = useState(false)
  return (
    <section aria-labelledby="scoreboard-heading" className="space-y-4">
      <h2 id="scoreboard-heading" className="text-lg font-semibold">Scoreboard</h2>
      <QueryState isPending={q.isPending} error={q.error} label="Loading scoreboard">
        {() => (
          <>
            <Card title="Standings">
              <Standings board={q.data!} />
              <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                Accuracy: p99 of the primary error; a tie when both lie within the reference uncertainty U, their difference is at most U, or they
                are within {q.data!.accuracy_tie_factor}× of each other. “≤U” results are never ranked against each other. Speed: a win only when the
                95 % bootstrap interval of the ratio of medians excludes 1; invalid timings (unstable, too few rounds) are never ranked.
              </p>
            </Card>
            <Card title="Pairwise wins"><Pairwise board={q.data!} /></Card>
            <Card title="Accuracy heatmap (p99 error)"><Heatmap board={q.data!} kind="accuracy" /></Card>
            <Card title="Speed heatmap (median time)"><Heatmap board={q.data!} kind="speed" /></Card>
            <Card title="Frame pairs (FROM × TO)"><FramePairs board={q.data!} /></Card>
            <Card title="All-pairs accuracy">
              {showPairs ? <PairsCard runId={runId} /> : (
                <button type="button" className="rounded border px-3 py-1 text-sm" onClick={() => setShowPairs(true)}>Show all pairs</button>
              )}
            </Card>
          </>
        )}
      </QueryState>
    </section>
  )
}
