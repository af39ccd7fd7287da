export const slurmKeys = {
  all: ['slurm'] as const,
  executors: () => [...slurmKeys.all, 'executors'] as const,
  job: (id: string) => [...slurmKeys.all, 'job', id] as const,
}
