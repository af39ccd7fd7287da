import { useEffect, useState } from 'react'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { authToken, wsUrl } from '@/lib/api'
import { isTerminal, type Job, type JobStatus, type StreamMessage } from '@/lib/types'
import { jobKeys } from './keys'
import { parseStreamMessage } from './parseStreamMessage'
import { appendLines, liveLogQueryOptions, type LiveLog, type NumberedLine } from './liveLog'

export type StreamState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed'

const BACKOFF_MS = [250, 500, 1000, 2000, 4000]

/** Applies a batch of stream messages to the query cache (log lines, progress, status). */
export function applyStreamMessages(qc: QueryClient, id: string, messages: StreamMessage[]): void {
  const lines: NumberedLine[] = []
  let job = qc.getQueryData<Job>(jobKeys.detail(id))
  let jobChanged = false
  let finalStatus: JobStatus | null = null
  for (const m of messages) {
    switch (m.type) {
      case 'log':
        lines.push({ n: m.n, line: m.line })
        break
      case 'logs':
        m.lines.forEach((line, i) => lines.push({ n: m.from + i, line }))
        break
      case 'progress':
        if (job) {
          const { type: _t, ...fields } = m
          void _t
          const prev = job.progress
          const merged = { ...fields }
          // percent never goes backwards on screen
          if (merged.percent < prev.percent) merged.percent = prev.percent
          // the BenchmarkStatus members mirror `progress`, so both read the same
          job = {
            ...job,
            progress: merged,
            progress_pct: merged.percent,
            current_experiment: merged.current_experiment,
            current_step: merged.current_step,
          }
          jobChanged = true
        }
        break
      case 'status':
        if (job && !isTerminal(job.status)) {
          job = { ...job, status: m.status, reason: m.reason ?? job.reason }
          jobChanged = true
        }
        break
      case 'done':
        finalStatus = m.status
        if (job) {
          job = {
            ...job,
            status: isTerminal(job.status) ? job.status : m.status,
            run_id: m.run_id ?? job.run_id,
            exit_code: m.exit_code ?? job.exit_code,
            reason: m.reason ?? job.reason,
          }
          jobChanged = true
        }
        break
    }
  }
  if (lines.length) {
    qc.setQueryData<LiveLog>(jobKeys.liveLog(id), (old) => appendLines(old, lines))
  }
  if (jobChanged && job) {
    qc.setQueryData(jobKeys.detail(id), job)
    const active = qc.getQueryData<Job | null>(jobKeys.active())
    if (active?.job_id === id) qc.setQueryData(jobKeys.active(), isTerminal(job.status) ? null : job)
  }
  if (finalStatus) {
    // Fetch the settled record (finished_at, run_id, exit code) and refresh lists.
    void qc.invalidateQueries({ queryKey: jobKeys.detail(id), exact: true })
    void qc.invalidateQueries({ queryKey: jobKeys.lists() })
    void qc.invalidateQueries({ queryKey: jobKeys.active() })
    void qc.invalidateQueries({ queryKey: jobKeys.history(id) })
    void qc.invalidateQueries({ queryKey: ['runs'] })
  }
}

/**
 * Follows a job over the WebSocket and writes every update into the query cache. Resumes from
 * the last line seen after a drop (`?from=`), with backoff, until the job is done.
 */
export function useJobStream(id: string | null | undefined, enabled: boolean): StreamState {
  const qc = useQueryClient()
  const [state, setState] = useState<StreamState>('idle')

  useEffect(() => {
    if (!id || !enabled) {
      setState('idle')
      return
    }
    let ws: WebSocket | null = null
    let stopped = false
    let done = false
    let attempt = 0
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    let flushTimer: ReturnType<typeof setTimeout> | undefined
    let pending: StreamMessage[] = []

    const flush = () => {
      flushTimer = undefined
      if (!pending.length) return
      const batch = pending
      pending = []
      applyStreamMessages(qc, id, batch)
    }

    const scheduleReconnect = () => {
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]
      attempt++
      setState('reconnecting')
      retryTimer = setTimeout(() => void connect(), delay)
    }

    const connect = async () => {
      if (stopped) return
      let from = 0
      try {
        const log = await qc.ensureQueryData(liveLogQueryOptions(id))
        from = log.next
      } catch {
        if (!stopped) scheduleReconnect()
        return
      }
      if (stopped) return
      setState((s) => (s === 'reconnecting' ? s : 'connecting'))
      const token = authToken()
      const socket = new WebSocket(
        wsUrl(`/api/benchmark/ws/${encodeURIComponent(id)}?from=${from}${token ? `&token=${encodeURIComponent(token)}` : ''}`),
      )
      ws = socket
      socket.onopen = () => {
        attempt = 0
        setState('open')
      }
      socket.onmessage = (ev) => {
        let msg: StreamMessage | null
        try {
          msg = parseStreamMessage(JSON.parse(typeof ev.data === 'string' ? ev.data : ''))
        } catch (err) {
          // A frame the server never sends: rejected, not guessed at (the REST record stays the truth).
          console.error('job stream:', err)
          return
        }
        if (!msg) return // a message type this client does not know: ignored, as the contract allows
        if (msg.type === 'done') done = true
        pending.push(msg)
        if (done) flush()
        else if (!flushTimer) flushTimer = setTimeout(flush, 50)
      }
      socket.onclose = () => {
        if (ws !== socket) return
        ws = null
        if (flushTimer) clearTimeout(flushTimer)
        flush()
        if (stopped) return
        const job = qc.getQueryData<Job>(jobKeys.detail(id))
        if (done || isTerminal(job?.status)) {
          setState('closed')
          return
        }
        scheduleReconnect()
      }
    }

    void connect()
    return () => {
      stopped = true
      if (retryTimer) clearTimeout(retryTimer)
      if (flushTimer) clearTimeout(flushTimer)
      flush()
      const s = ws
      ws = null
      s?.close()
    }
  }, [id, enabled, qc])

  return state
}
