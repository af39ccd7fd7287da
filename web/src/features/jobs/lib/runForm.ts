import type { RunLimits, StartJobRequest } from '@/lib/types'

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

/** A fresh form with the server's defaults (GET /api/limits). */
export function defaultRunForm(limits: RunLimits): RunFormValues {
  return {
    allExperiments: true,
    experiments: [],
    allLibraries: true,
    libraries: [],
    n: String(limits.n.default),
    seed: String(limits.seed.default),
    perfRounds: String(limits.perf_rounds.default),
    noPerf: false,
    ciMode: false,
    notes: '',
  }
}

/** Field keys match the API's snake_case names so a 422's `errors` land on the same fields. */
export type RunFormErrors = Partial<Record<'experiments' | 'libraries' | 'n' | 'seed' | 'perf_rounds' | 'notes', string>>

const fmt = (v: number) => v.toLocaleString('en-US')

function intIn(raw: string, { min, max }: { min: number; max: number }, name: string): string | undefined {
  if (raw.trim() === '') return `${name} is required.`
  if (!/^-?\d+$/.test(raw.trim())) return `${name} must be a whole number.`
  const v = Number(raw)
  if (v < min || v > max) return `${name} must be between ${fmt(min)} and ${fmt(max)}.`
  return undefined
}

/** The limits the server enforces, as it serves them (GET /api/limits); the server stays the authority. */
export function validateRunForm(v: RunFormValues, limits: RunLimits): RunFormErrors {
  const e: RunFormErrors = {}
  if (!v.allExperiments && v.experiments.length === 0) e.experiments = 'Pick at least one experiment, or "All experiments".'
  if (!v.allExperiments && v.experiments.length > limits.max_experiments) e.experiments = `At most ${fmt(limits.max_experiments)} experiments.`
  if (!v.allLibraries && v.libraries.length === 0) e.libraries = 'Pick at least one library, or "All available libraries".'
  if (!v.allLibraries && v.libraries.length > limits.max_libraries) e.libraries = `At most ${fmt(limits.max_libraries)} libraries.`
  const n = intIn(v.n, limits.n, 'N')
  if (n) e.n = n
  const seed = intIn(v.seed, limits.seed, 'Seed')
  if (seed) e.seed = seed
  if (!v.noPerf) {
    const r = intIn(v.perfRounds, limits.perf_rounds, 'Perf rounds')
    if (r) e.perf_rounds = r
  }
  if (v.notes.length > limits.max_notes_length)
    e.notes = `Notes are limited to ${fmt(limits.max_notes_length)} characters (${fmt(v.notes.length)} now).`
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
