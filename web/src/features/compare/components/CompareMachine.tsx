import { Gauge } from 'lucide-react'
import { Alert } from '@/components/ui/Alert'
import { Card } from '@/components/ui/Card'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtNum } from '@/lib/format'
import type { MachineComparison } from '../api/parseMachineComparison'
import type { Verdict } from '../api/getCompare'

const pct = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)} %`
const probeNs = (v: number) => `${fmtNum(v, 4)} ns/op`

/** The banner when the two machines ran further apart than a performance verdict needs (the server's `differs`). */
export function MachineWarning({ machine }: { machine: MachineComparison | null }) {
  if (!machine?.differs) return null
  const text = machine.warning ?? `the machine's speed differed by ${pct(machine.difference_percent)} between the runs`
  return (
    <Alert tone="warning" title="Machine speed differed between the runs" className="mb-3">
      {text.charAt(0).toUpperCase() + text.slice(1)}. Timing differences below may come from the machine, not the code. The verdicts are
      unchanged: the server does not adjust them for the machine, so read each performance change with this in mind.
    </Alert>
  )
}

/** The note a changed performance row carries when the machines differed, as the CLI gate's rows do; the badge is untouched. */
export function MachineRowNote({ machine, verdict }: { machine: MachineComparison | null; verdict: Verdict }) {
  if (!machine?.differs || (verdict !== 'regressed' && verdict !== 'improved')) return null
  return (
    <span className="inline-flex items-center gap-1 text-xs text-orange-700 dark:text-orange-300">
      <Gauge aria-hidden className="h-3.5 w-3.5" /> machine speed differed by {Math.abs(machine.difference_percent).toFixed(1)} % (probe)
    </span>
  )
}

/** Both runs' probe medians side by side (docs/engine.md, "The machine-speed probe"). */
export function MachineCard({ machine }: { machine: MachineComparison | null }) {
  return (
    <Card title="Machine speed (probe)">
      {machine ? (
        <>
          <Table caption="Machine-speed probe of both runs">
            <thead>
              <tr>
                <Th className="text-right">probe median A</Th>
                <Th className="text-right">probe median B</Th>
                <Th className="text-right">difference</Th>
                <Th className="text-right">threshold</Th>
                <Th>Machine</Th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <Td className="text-right tabular-nums">{probeNs(machine.baseline_probe_ns)}</Td>
                <Td className="text-right tabular-nums">{probeNs(machine.candidate_probe_ns)}</Td>
                <Td className="text-right tabular-nums">
                  {pct(machine.difference_percent)}{' '}
                  <span className="text-xs text-slate-500">{machine.difference_percent > 0 ? '(B slower)' : machine.difference_percent < 0 ? '(B faster)' : ''}</span>
                </Td>
                <Td className="text-right tabular-nums">{fmtNum(machine.threshold_percent)} %</Td>
                <Td>{machine.differs ? 'differed' : 'comparable'}</Td>
              </tr>
            </tbody>
          </Table>
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            A fixed kernel timed at every timing cycle of each run; the difference is B's median relative to A's. Beyond the threshold (the
            compare's minimum performance change) a performance verdict may be the machine's.
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-500">
          Not compared: a run has no machine-speed probe (runs before the probe, <code>--no-perf</code>, probe not built) or the two ran
          different probe kernels. The verdicts are as they always were.
        </p>
      )}
    </Card>
  )
}
