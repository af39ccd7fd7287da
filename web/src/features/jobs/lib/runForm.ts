import type { StartJobRequest } from '@/lib/types'

export interface RunFormValues {
  allExperiments: boolean
  experiments: string[]
  allLibraries: boolean
  libraries: string[]
  n: string
  seed: string
  perfRounds: string
  noPerf: boolean
  ciMode: boolean
  notes: string
}

export const defaultRunForm: RunFormValues = {
  allExperiments: true,
  experiments: [],
  allLibraries: true,
  libraries: [],
  n: '1000',
  seed: '42',
  perfRounds: '5',
  noPerf: false,
  ciMode: false,
  notes: '',
}

/** Field keys match the API's snake_case names so a 422's `errors` land on the same fields. */
export type RunFormErrors = Partial<Record<'experiments' | 'libraries' | 'n' | 'seed' | 'perf_rounds' | 'notes', string>>

function intIn(raw: string, min: number, max: number, name: string): string | undefined {
  if (raw.trim() === '') return `${name} is required.`
  if (!/^-?\d+$/.test(raw.trim())) return `${name} must be a whole number.`
  const v = Number(raw)
  if (v < min || v > max) return `${name} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}.`
  return undefined
}

/** The same limits the server enforces (docs/http-api.md); the server stays the authority. */
export function validateRunForm(v: RunFormValues): RunFormErrors {
  const e: RunFormErrors = {}
  if (!v.allExperiments && v.experiments.length === 0) e.experiments = 'Pick at least one experiment, or "All experiments".'
  if (!v.allExperiments && v.experiments.length > 50) e.experiments = 'At most 50 experiments.'
  if (!v.allLibraries && v.libraries.length === 0) e.libraries = 'Pick at least one library, or "All available libraries".'
  if (!v.allLibraries && v.libraries.length > 20) e.libraries = 'At most 20 libraries.'
  const n = intIn(v.n, 1, 1_000_000, 'N')
  if (n) e.n = n
  const seed = intIn(v.seed, 0, 2_147_483_647, 'Seed')
  if (seed) e.seed = seed
  if (!v.noPerf) {
    const r = intIn(v.perfRounds, 1, 50, 'Perf rounds')
    if (r) e.perf_rounds = r
  }
  if (v.notes.length > 2000) e.notes = `Notes are limited to 2,000 characters (${v.notes.length.toLocaleString('en-US')} now).`
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v.notes)) e.notes = 'Notes may not contain control characters.'
  return e
}

export function toStartRequest(v: RunFormValues): StartJobRequest {
  return {
    experiments: v.allExperiments ? ['all'] : v.experiments,
    libraries: v.allLibraries ? null : v.libraries,
    n: Number(v.n),
    seed: Number(v.seed),
    perf_rounds: Number(v.perfRounds),
    no_perf: v.noPerf,
    ci_mode: v.ciMode,
    notes: v.notes.trim() ? v.notes : null,
  }
}
