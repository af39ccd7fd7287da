import type { StartJobRequest } from '@/lib/types'
import type { StorageEstimateQuery } from '../api/getStorageEstimate'

/** The estimate's query for a start request, or null while the form cannot describe a job yet (no n, nothing picked). */
export function estimateQuery(r: StartJobRequest): StorageEstimateQuery | null {
  if (!Number.isInteger(r.n) || r.n < 1) return null
  const all = r.experiments.length === 1 && r.experiments[0] === 'all'
  if (r.experiments.length === 0 || (r.libraries !== null && r.libraries.length === 0)) return null
  return { n: r.n, experiments: all ? null : r.experiments, libraries: r.libraries }
}
