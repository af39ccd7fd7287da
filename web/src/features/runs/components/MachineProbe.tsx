import { Alert } from '@/components/ui/Alert'
import { Card } from '@/components/ui/Card'
import { Table, Td, Th } from '@/components/ui/Table'
import { fmtNum } from '@/lib/format'
import type { RunProbe } from '@/lib/types'

const drift = (p: RunProbe) => `${p.drift_percent.toFixed(1)} %`
const probeNs = (v: number) => `${fmtNum(v, 4)} ns/op`

/** The note at the top of the run when the machine's speed varied beyond the reproducibility target during timing. */
export function MachineVariedAlert({ probe }: { probe: RunProbe | null }) {
  if (!probe?.varied) return null
  return (
    <Alert tone="warning" title="Machine speed varied during timing">
      The machine-speed probe drifted by {drift(probe)} (above {fmtNum(probe.drift_threshold_percent)} %): the medians of this run are
      reproducible only to about {drift(probe)}.
    </Alert>
  )
}

/** The manifest's `machine.probe` (docs/engine.md, "The machine-speed probe"). */
export function MachineProbeCard({ probe }: { probe: RunProbe | null }) {
  return (
    <Card title="Machine during timing">
      {probe ? (
        <>
          <p className={probe.varied ? 'mb-2 text-sm font-medium text-orange-700 dark:text-orange-300' : 'mb-2 text-sm'}>
            {probe.varied
              ? `Machine speed varied by ${drift(probe)} during timing: medians are reproducible only to about ${drift(probe)}.`
              : `Machine speed steady within ${drift(probe)} during timing.`}
          </p>
          <Table caption="Machine-speed probe">
            <tbody>
              {(
                [
                  ['probe median', probeNs(probe.median_ns)],
                  ['min – max', `${fmtNum(probe.min_ns, 4)} – ${probeNs(probe.max_ns)}`],
                  ['drift (p10–p90 / median)', drift(probe)],
                  ['robust CV', `${probe.robust_cv_percent.toFixed(1)} %`],
                  ['samples', `${probe.samples} (${probe.values} values each)`],
                  ['kernel', probe.kernel],
                ] as const
              ).map(([k, v]) => (
                <tr key={k}>
                  <Th scope="row" className="font-normal">
                    {k}
                  </Th>
                  <Td className="tabular-nums">{v}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : (
        <p className="text-sm text-slate-500">No machine-speed probe recorded (runs before the probe, --no-perf, or the probe not built).</p>
      )}
    </Card>
  )
}
