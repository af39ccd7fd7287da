import { arr, matching, nullable, obj, str } from '@/lib/decode'

/** One baseline as /api/baselines answers it (docs/ci.md). */
export interface Baseline {
  testbed: string
  testbed_label: string | null
  run_id: string
  set_at: string
}

export function parseBaseline(v: unknown, path = 'baseline'): Baseline {
  const o = obj(v, path)
  return {
    testbed: matching(o.testbed, `${path}.testbed`, /^([0-9a-f]{16}|unknown)$/, 'a testbed key'),
    testbed_label: nullable(str)(o.testbed_label, `${path}.testbed_label`),
    run_id: str(o.run_id, `${path}.run_id`),
    set_at: str(o.set_at, `${path}.set_at`),
  }
}

export const parseBaselines = (v: unknown): Baseline[] => arr(v, 'baselines', parseBaseline)
