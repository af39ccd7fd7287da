import { useSlurmJob } from '../api/getSlurmJob'

/** Slurm's side of a job on the job page: its Slurm job id, node, state and reason. Nothing for a local job. */
export function SlurmJobInfo({ jobId }: { jobId: string }) {
  const q = useSlurmJob(jobId)
  const j = q.data
  if (!j || j.executor !== 'slurm') return null
  return (
    <section aria-label="Slurm" className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <h3 className="mb-2 text-sm font-semibold">Slurm</h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt>Slurm job id</dt>
        <dd className="font-mono">{j.slurm_job_id ?? '—'}</dd>
        <dt>Partition</dt>
        <dd>{j.partition ?? '—'}</dd>
        <dt>Node</dt>
        <dd className="font-mono">{j.slurm_node ?? '—'}</dd>
        <dt>Slurm state</dt>
        <dd>{j.slurm_state ?? 'not yet seen'}</dd>
        {j.slurm_reason && (
          <>
            <dt>Slurm reason</dt>
            <dd>{j.slurm_reason}</dd>
          </>
        )}
      </dl>
    </section>
  )
}
