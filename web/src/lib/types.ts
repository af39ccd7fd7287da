// Shapes of the AstroBench HTTP API (snake_case JSON, see docs/http-api.md).
import type { SpeedupVerdict } from './speedup'

export const JOB_STATUSES = [
  'queued',
  'starting',
  'running',
  'cancelling',
  'paused',
  'preempted',
  'completed',
  'failed',
  'cancelled',
] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled']
export const isTerminal = (s: JobStatus | undefined | null): boolean =>
  !!s && TERMINAL_STATUSES.includes(s)

/** A job's configuration as the server shows it (`config` of a job object). */
export interface JobConfig {
  experiments: string[]
  n: number
  seed: number
  no_perf: boolean
  perf_rounds: number
  ci_mode: boolean
  /** `""` when the job has no notes (the original lab's format); the job's own `notes` is `null` then. */
  notes: string
  /** `null` = every available adapter. */
  libraries: string[] | null
}

export interface JobProgress {
  experiments_done: number
  experiments_total: number
  current_experiment: string | null
  current_step: string | null
  percent: number
}

/**
 * A job object (GET /api/benchmark/jobs/{job_id} and friends). The first nine members are the
 * original lab's `BenchmarkStatus`; AstroBench's own members follow.
 */
export interface Job {
  job_id: string
  status: JobStatus
  started_at: string | null
  finished_at: string | null
  run_id: string | null
  config: JobConfig
  current_experiment: string | null
  current_step: string | null
  progress_pct: number
  created_at: string
  notes: string | null
  progress: JobProgress
  exit_code: number | null
  reason: string | null
  log_lines: number
}

/** GET /api/limits: the server's limits and defaults for a start request. */
export interface RangeLimit {
  min: number
  max: number
  default: number
}

export interface RunLimits {
  n: RangeLimit
  seed: RangeLimit
  perf_rounds: RangeLimit
  max_experiments: number
  max_libraries: number
  max_notes_length: number
}

export interface JobTransition {
  from: JobStatus | null
  to: JobStatus
  at: string
  reason: string | null
}

export interface StartJobRequest {
  experiments: string[]
  libraries: string[] | null
  n: number
  seed: number
  perf_rounds: number
  no_perf: boolean
  ci_mode: boolean
  notes: string | null
}

export interface LogPage {
  lines: string[]
  from: number
  next: number
  total: number
}

/** The WebSocket's messages (docs/http-api.md), as parseStreamMessage checks them. */
export type StreamMessage =
  | { type: 'log'; line: string; n: number }
  | { type: 'logs'; from: number; lines: string[] }
  | ({ type: 'progress' } & JobProgress)
  | { type: 'status'; status: JobStatus; reason: string | null }
  | { type: 'done'; status: JobStatus; exit_code: number | null; run_id: string | null; reason: string | null }
  | { type: 'ping'; at: string }

export interface RunSummary {
  id: string
  timestamp: string | null
  machine: string | null
  experiments: string[]
  libraries: string[]
  result_count: number
  complete: boolean
  /** Bytes on disk (docs/retention.md). */
  bytes: number
  /** Pinned runs are never deleted by retention. */
  pinned: boolean
}

export interface RunRow {
  experiment: string
  library: string
  role: string
  parity: string | null
  model: string | null
  outcome: string
  primary_metric: string | null
  unit: string | null
  p50: number | null
  p99: number | null
  max: number | null
  median_ns: number | null
  ci_low_ns: number | null
  ci_high_ns: number | null
  perf_valid: boolean | null
  /** null whenever perf_valid is not true. */
  speedup_vs_reference: number | null
  /** Exact coverage of ci_low_ns–ci_high_ns (0.9375 with 5 rounds). */
  ci_level: number | null
  perf_invalid_reason: string | null
  speedup_ci_low: number | null
  speedup_ci_high: number | null
  speedup_ci_level: number | null
  speedup_verdict: SpeedupVerdict | null
  speedup_label?: string | null
}

export interface RunManifest {
  schema?: string
  run_id?: string
  started_at?: string | null
  finished_at?: string | null
  config?: Partial<JobConfig> & { notes?: string | null }
  environment?: Record<string, string | number | boolean | null>
  adapters?: { name: string; library?: string; language?: string; version?: string }[]
  completeness?: {
    requested?: string[]
    completed?: string[]
    failed?: { experiment: string; reason: string }[]
    complete?: boolean
  }
  results?: { experiment: string; library: string; role: string; outcome: string; parity?: string; file?: string }[]
  /** The machine-speed probe (docs/run-folder.md); null when the run has none (older runs, --no-perf, probe not built). */
  machine?: RunMachine | null
}

/** The manifest's `machine` block; getRun checks it at runtime (features/runs/api/parseRunMachine.ts). */
export interface RunMachine {
  probe: RunProbe
}

export interface RunProbe {
  kernel: string
  values: number
  samples: number
  median_ns: number
  min_ns: number
  max_ns: number
  drift_percent: number
  robust_cv_percent: number
  drift_threshold_percent: number
  varied: boolean
}

export interface RunDetail {
  id: string
  manifest: RunManifest | null
  rows: RunRow[]
}

export interface MetricStats {
  unit: string
  signed?: boolean
  count?: number
  nan_count?: number
  min?: number | null
  max?: number | null
  mean?: number | null
  rms?: number | null
  p50?: number | null
  p90?: number | null
  p95?: number | null
  p99?: number | null
  bias?: number | null
}

export interface WorstCase {
  index: number
  metric: string
  value: number
  inputs: Record<string, number | string>
}

export interface PerformanceResult {
  valid: boolean
  invalid_reason: string | null
  rounds: number
  ops_per_round?: number
  median_ns: number
  q1_ns?: number
  q3_ns?: number
  iqr_ns?: number
  min_ns?: number
  max_ns?: number
  mean_ns?: number
  cv_percent?: number
  ci_low_ns?: number | null
  ci_high_ns?: number | null
  ci_level?: number | null
  throughput_ops_per_s?: number
  clock_res_ns?: number
  samples_ns?: number[]
  speedup_vs_reference?: number | null
  speedup_ci_low?: number | null
  speedup_ci_high?: number | null
  speedup_ci_level?: number | null
  speedup_verdict?: SpeedupVerdict | null
  speedup_label?: string | null
}

export interface LibraryResult {
  schema?: string
  experiment: string
  library: string
  role: string
  reference?: string
  model?: string | null
  reference_model?: string | null
  parity?: string | null
  conventions?: string | null
  outcome: string
  outcome_detail?: string | null
  dataset?: {
    n: number
    seed: number
    edge_cases?: number
    fingerprint?: string
    input_columns?: string[]
    output_columns?: string[]
  }
  accuracy?: {
    primary_metric: string
    metrics: Record<string, MetricStats>
    nan_outputs?: number
    inf_outputs?: number
    not_provided?: string[]
    worst_cases?: WorstCase[]
  } | null
  performance?: PerformanceResult | null
  /** The reference's measured uncertainty (docs/scoreboard.md); absent in older runs. */
  reference_uncertainty?: ReferenceUncertainty | null
  within_reference_uncertainty?: boolean | null
}

/** How far an experiment's reference can be trusted, measured (docs/scoreboard.md). */
export interface ReferenceUncertainty {
  value: number
  unit: string
  metric: string
  method: string
  source: string
  provenance: { run_id: string; library: string; reference: string; measured_at: string; cases: number }
  ranges: { from_year: number | null; to_year: number | null; cases: number; p99: number; max: number; p50?: number | null }[]
}

/** One experiment of a run: its library results, reference first (GET /api/runs/{run_id}/experiments/{experiment}). */
export interface RunExperiment {
  experiment: string
  run_id: string
  results: LibraryResult[]
}

/** GET /api/runs/{run_id}/experiments/{experiment}/summary */
export interface ExperimentSummary {
  experiment: string
  run_id: string
  summary_md: string | null
}

export interface CasesPage {
  columns: string[]
  rows: (number | string | null)[][]
  offset: number
  limit: number
  total: number
}

export interface Experiment {
  id: string
  title: string
  description: string
  family: string
  input_columns: string[]
  output_columns: string[]
  from_frame?: string | null
  to_frame?: string | null
  reference_uncertainty?: ReferenceUncertainty | null
}

export interface Adapter {
  name: string
  library: string
  language: string
  available: boolean
  /** Why the adapter is unavailable; `null` when it is available. */
  reason: string | null
  experiments: string[]
}
