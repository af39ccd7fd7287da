import { queryOptions, useQuery } from '@tanstack/react-query'
import { getJobLogs } from './getJobLogs'
import { jobKeys } from './keys'

/** How many lines the live view keeps in memory; older lines stay a click away in the full log. */
export const LIVE_LOG_CAP = 20_000
/** How many lines of history the live view loads when it attaches to a job. */
export const LIVE_LOG_TAIL = 2_000

/** The live tail of a job's log. `next` is the line number the stream resumes from. */
export interface LiveLog {
  lines: string[]
  /** Line number of lines[0]. */
  first: number
  /** Line number of the next line expected from the stream. */
  next: number
}

export interface NumberedLine {
  n: number
  line: string
}

/**
 * Appends streamed lines in order, dropping duplicates (n below `next`, e.g. a replay after a
 * reconnect) and keeping at most `cap` lines. A gap (n above `next`) is accepted: the server's
 * numbering wins.
 */
export function appendLines(log: LiveLog | undefined, incoming: NumberedLine[], cap = LIVE_LOG_CAP): LiveLog {
  const base = log ?? { lines: [], first: incoming[0]?.n ?? 0, next: incoming[0]?.n ?? 0 }
  let next = base.next
  let first = base.first
  const lines = base.lines.slice()
  for (const { n, line } of incoming) {
    if (n < next) continue
    if (lines.length === 0) first = n
    lines.push(line)
    next = n + 1
  }
  if (lines.length > cap) {
    const drop = lines.length - cap
    lines.splice(0, drop)
    first += drop
  }
  return { lines, first, next }
}

export const liveLogQueryOptions = (id: string) =>
  queryOptions({
    queryKey: jobKeys.liveLog(id),
    queryFn: async (): Promise<LiveLog> => {
      const page = await getJobLogs(id, { tail: LIVE_LOG_TAIL })
      const from = page?.from ?? 0
      const lines = page?.lines ?? []
      return { lines, first: from, next: page?.next ?? from + lines.length }
    },
    // The stream keeps this entry current; a refetch would throw appended lines away.
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  })

export const useLiveLog = (id: string | null | undefined) =>
  useQuery({ ...liveLogQueryOptions(id ?? ''), enabled: !!id })
