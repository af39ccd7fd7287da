import { arr, bool, int, nullable, num, obj, oneOf, str, timestamp } from '@/lib/decode'

// Shapes of docs/history.md, checked at runtime: a response either has them or is rejected.

export const STATES = ['open', 'acknowledged', 'expected-shift'] as const
export type RegressionState = (typeof STATES)[number]

export interface Regression {
  id: string
  kind: 'accuracy' | 'performance'
  direction: 'regression' | 'improvement'
  state: RegressionState
  testbed: string
  experiment: string
  library: string
  metric: string
  unit: string | null
  run_id: string
  previous_run_id: string | null
  before: number | null
  after: number | null
  change_pct: number | null
  p_value: number | null
  detail: string
  detected_at: string
  note: string | null
  state_by: string | null
  state_at: string | null
}

export interface HistoryPoint {
  run_id: string
  started_at: string | null
  git_sha: string | null
  library_version: string | null
  value: number | null
  judged: boolean
  smoke: boolean
  version_change: { from: string | null; to: string | null } | null
  change_id: string | null
}

export interface HistorySeries {
  testbed: string
  testbed_label: string | null
  experiment: string
  library: string
  metric: string
  kind: 'accuracy' | 'performance'
  unit: string | null
  points: HistoryPoint[]
  changes: Regression[]
}

export interface SeriesInfo {
  testbed: string
  testbed_label: string | null
  experiment: string
  library: string
  metric: string
  points: number
}

export interface TestbedInfo {
  key: string
  label: string | null
  cpu_model: string | null
  runs: number
}

const optStr = nullable(str)
const optNum = nullable(num)
const KINDS = ['accuracy', 'performance'] as const

export function parseRegression(v: unknown, path = 'regression'): Regression {
  const o = obj(v, path)
  return {
    id: str(o.id, `${path}.id`),
    kind: oneOf(o.kind, `${path}.kind`, KINDS),
    direction: oneOf(o.direction, `${path}.direction`, ['regression', 'improvement'] as const),
    state: oneOf(o.state, `${path}.state`, STATES),
    testbed: str(o.testbed, `${path}.testbed`),
    experiment: str(o.experiment, `${path}.experiment`),
    library: str(o.library, `${path}.library`),
    metric: str(o.metric, `${path}.metric`),
    unit: optStr(o.unit, `${path}.unit`),
    run_id: str(o.run_id, `${path}.run_id`),
    previous_run_id: optStr(o.previous_run_id, `${path}.previous_run_id`),
    before: optNum(o.before, `${path}.before`),
    after: optNum(o.after, `${path}.after`),
    change_pct: optNum(o.change_pct, `${path}.change_pct`),
    p_value: optNum(o.p_value, `${path}.p_value`),
    detail: str(o.detail, `${path}.detail`),
    detected_at: timestamp(o.detected_at, `${path}.detected_at`),
    note: optStr(o.note, `${path}.note`),
    state_by: optStr(o.state_by, `${path}.state_by`),
    state_at: nullable(timestamp)(o.state_at, `${path}.state_at`),
  }
}

function parsePoint(v: unknown, path: string): HistoryPoint {
  const o = obj(v, path)
  const vc = nullable(obj)(o.version_change, `${path}.version_change`)
  return {
    run_id: str(o.run_id, `${path}.run_id`),
    started_at: nullable(timestamp)(o.started_at, `${path}.started_at`),
    git_sha: optStr(o.git_sha, `${path}.git_sha`),
    library_version: optStr(o.library_version, `${path}.library_version`),
    value: optNum(o.value, `${path}.value`),
    judged: bool(o.judged, `${path}.judged`),
    smoke: bool(o.smoke, `${path}.smoke`),
    version_change: vc && { from: optStr(vc.from, `${path}.version_change.from`), to: optStr(vc.to, `${path}.version_change.to`) },
    change_id: optStr(o.change_id, `${path}.change_id`),
  }
}

export const parseHistory = (v: unknown): HistorySeries[] =>
  arr(v, 'history', (x, path) => {
    const o = obj(x, path)
    return {
      testbed: str(o.testbed, `${path}.testbed`),
      testbed_label: optStr(o.testbed_label, `${path}.testbed_label`),
      experiment: str(o.experiment, `${path}.experiment`),
      library: str(o.library, `${path}.library`),
      metric: str(o.metric, `${path}.metric`),
      kind: oneOf(o.kind, `${path}.kind`, KINDS),
      unit: optStr(o.unit, `${path}.unit`),
      points: arr(o.points, `${path}.points`, parsePoint),
      changes: arr(o.changes, `${path}.changes`, parseRegression),
    }
  })

export const parseSeries = (v: unknown): SeriesInfo[] =>
  arr(v, 'series', (x, path) => {
    const o = obj(x, path)
    return {
      testbed: str(o.testbed, `${path}.testbed`),
      testbed_label: optStr(o.testbed_label, `${path}.testbed_label`),
      experiment: str(o.experiment, `${path}.experiment`),
      library: str(o.library, `${path}.library`),
      metric: str(o.metric, `${path}.metric`),
      points: int(o.points, `${path}.points`),
    }
  })

export const parseTestbeds = (v: unknown): TestbedInfo[] =>
  arr(v, 'testbeds', (x, path) => {
    const o = obj(x, path)
    return { key: str(o.key, `${path}.key`), label: optStr(o.label, `${path}.label`), cpu_model: optStr(o.cpu_model, `${path}.cpu_model`), runs: int(o.runs, `${path}.runs`) }
  })

export const parseRegressions = (v: unknown): Regression[] => arr(v, 'regressions', parseRegression)
