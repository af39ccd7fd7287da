import { arr, int, nullable, num, obj, oneOf, str, timestamp } from '@/lib/decode'
import { JOB_STATUSES, type StreamMessage } from '@/lib/types'

const strOrNull = nullable(str)
const intOrNull = nullable(int)
const status = (v: unknown, path: string) => oneOf(v, path, JOB_STATUSES)

/**
 * One WebSocket message exactly as the server sends it (docs/http-api.md, WebSocket). Unknown
 * `type`s give null: they are ignored, as the contract lets a client ignore message types it does
 * not know. A known type with the wrong shape is a ShapeError.
 */
export function parseStreamMessage(v: unknown): StreamMessage | null {
  const m = obj(v, 'message')
  switch (m.type) {
    case 'log':
      return { type: 'log', line: str(m.line, 'log.line'), n: int(m.n, 'log.n') }
    case 'logs': {
      const from = int(m.from, 'logs.from')
      return { type: 'logs', from, lines: arr(m.lines, 'logs.lines', str) }
    }
    case 'progress':
      return {
        type: 'progress',
        experiments_done: int(m.experiments_done, 'progress.experiments_done'),
        experiments_total: int(m.experiments_total, 'progress.experiments_total'),
        current_experiment: strOrNull(m.current_experiment, 'progress.current_experiment'),
        current_step: strOrNull(m.current_step, 'progress.current_step'),
        percent: num(m.percent, 'progress.percent'),
      }
    case 'status':
      return { type: 'status', status: status(m.status, 'status.status'), reason: strOrNull(m.reason, 'status.reason') }
    case 'done':
      return {
        type: 'done',
        status: status(m.status, 'done.status'),
        exit_code: intOrNull(m.exit_code, 'done.exit_code'),
        run_id: strOrNull(m.run_id, 'done.run_id'),
        reason: strOrNull(m.reason, 'done.reason'),
      }
    case 'ping':
      return { type: 'ping', at: timestamp(m.at, 'ping.at') }
    default:
      return null
  }
}
