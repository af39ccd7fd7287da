import { describe, expect, it } from 'vitest'
import { ShapeError } from '@/lib/decode'
import { parseStreamMessage } from './parseStreamMessage'

// Frames as the server writes them (docs/http-api.md, WebSocket).
const frames = [
  { type: 'log', line: '[RUN] start run_id=- experiments_total=1', n: 0 },
  { type: 'logs', from: 1, lines: ['a', 'b'] },
  { type: 'progress', experiments_done: 0, experiments_total: 1, current_experiment: 'gmst_era', current_step: 'accuracy', percent: 40 },
  { type: 'status', status: 'cancelling', reason: 'cancelled by user' },
  { type: 'done', status: 'cancelled', exit_code: 143, run_id: null, reason: 'cancelled by user' },
  { type: 'ping', at: '2026-11-29T01:02:03.456Z' },
]

describe('parseStreamMessage', () => {
  it('reads every message type the server sends', () => {
    expect(frames.map((f) => parseStreamMessage(f))).toEqual(frames)
  })

  it('ignores a message type it does not know, as the contract allows', () => {
    expect(parseStreamMessage({ type: 'future_thing', x: 1 })).toBeNull()
  })

  it('rejects a known type with a shape the server never sends', () => {
    expect(() => parseStreamMessage({ type: 'log', line: 'x' })).toThrow(ShapeError)
    expect(() => parseStreamMessage({ type: 'progress', percent: 40 })).toThrow(/progress\.experiments_done/)
    expect(() => parseStreamMessage({ type: 'done', status: 'finished', exit_code: 0, run_id: null, reason: null })).toThrow(/done\.status/)
    expect(() => parseStreamMessage({ type: 'ping', at: '2026-11-29T01:02:03+00:00' })).toThrow(/ping\.at/)
  })
})
