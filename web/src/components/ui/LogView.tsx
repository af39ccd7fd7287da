import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { ArrowDownToLine } from 'lucide-react'
import { cn } from '@/lib/cn'
import { Button } from './Button'

export const LOG_ROW_PX = 20
const OVERSCAN = 30
/** Used before the browser has laid the box out (and in jsdom). */
const FALLBACK_VIEWPORT_PX = 400

export interface LogViewProps {
  lines: readonly string[]
  /** Line number (0-based) of lines[0]. */
  firstLine?: number
  /** Lines that exist before `firstLine` but are not held here; shown as a notice. */
  hiddenBefore?: number
  /** Where the whole log can be read (e.g. a link). */
  fullLog?: ReactNode
  heightPx?: number
  label?: string
  emptyText?: string
}

function lineClass(line: string): string | undefined {
  if (line === '__CANCELLED__') return 'text-slate-400 dark:text-slate-500'
  if (/cancelled by user/i.test(line)) return 'font-semibold text-orange-700 dark:text-orange-300'
  if (/\b(error|failed|exception)\b/i.test(line)) return 'text-red-700 dark:text-red-300'
  if (line.startsWith('[RUN]')) return 'text-blue-700 dark:text-blue-300'
  return undefined
}

/**
 * A windowed log: only the visible rows (plus overscan) are in the DOM, so tens of thousands of
 * lines scroll smoothly. Follows the end while the reader is at the bottom; scrolling up pauses
 * following and offers "Jump to end".
 */
export function LogView({ lines, firstLine = 0, hiddenBefore = 0, fullLog, heightPx = 360, label = 'Log', emptyText = 'No output yet.' }: LogViewProps) {
  const boxRef = useRef<HTMLDivElement>(null)
  const [follow, setFollow] = useState(true)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(heightPx)

  const total = lines.length
  const atBottom = (el: HTMLDivElement) => el.scrollHeight - el.scrollTop - el.clientHeight <= LOG_ROW_PX * 1.5

  const onScroll = useCallback(() => {
    const el = boxRef.current
    if (!el) return
    setScrollTop(el.scrollTop)
    if (el.clientHeight) setViewport(el.clientHeight)
    setFollow(atBottom(el))
  }, [])

  const jumpToEnd = useCallback(() => {
    const el = boxRef.current
    setFollow(true)
    if (el) {
      el.scrollTop = el.scrollHeight
      setScrollTop(el.scrollTop)
    }
  }, [])

  // Follow new lines when at the end.
  useLayoutEffect(() => {
    const el = boxRef.current
    if (!el || !follow) return
    el.scrollTop = el.scrollHeight
    setScrollTop(el.scrollTop)
  }, [total, follow, firstLine])

  const vh = viewport || FALLBACK_VIEWPORT_PX
  // In follow mode the window is the tail even before layout has produced a scrollTop.
  const top = follow ? Math.max(0, total * LOG_ROW_PX - vh) : scrollTop
  const start = Math.max(0, Math.floor(top / LOG_ROW_PX) - OVERSCAN)
  const end = Math.min(total, Math.ceil((top + vh) / LOG_ROW_PX) + OVERSCAN)
  const rows: ReactNode[] = []
  for (let i = start; i < end; i++) {
    const line = lines[i]
    rows.push(
      <div
        key={firstLine + i}
        data-line={firstLine + i}
        className={cn('absolute left-0 flex w-full whitespace-pre', lineClass(line))}
        style={{ top: i * LOG_ROW_PX, height: LOG_ROW_PX, lineHeight: `${LOG_ROW_PX}px` }}
      >
        <span aria-hidden className="w-14 shrink-0 select-none pr-3 text-right text-slate-400 dark:text-slate-600">
          {firstLine + i + 1}
        </span>
        <span>{line}</span>
      </div>,
    )
  }

  return (
    <div className="relative">
      {hiddenBefore > 0 && (
        <div className="mb-1 text-xs text-slate-600 dark:text-slate-400">
          {hiddenBefore.toLocaleString()} earlier line{hiddenBefore === 1 ? '' : 's'} not shown here. {fullLog}
        </div>
      )}
      <div
        ref={boxRef}
        role="log"
        aria-label={label}
        aria-live="off"
        tabIndex={0}
        onScroll={onScroll}
        className="overflow-auto rounded-md border border-slate-200 bg-slate-50 font-mono text-xs text-slate-800 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-200"
        style={{ height: heightPx }}
      >
        {total === 0 ? (
          <div className="p-3 text-slate-500">{emptyText}</div>
        ) : (
          <div className="relative min-w-max" style={{ height: total * LOG_ROW_PX }}>
            {rows}
          </div>
        )}
      </div>
      {!follow && total > 0 && (
        <div className="absolute bottom-3 right-5">
          <Button size="sm" variant="secondary" onClick={jumpToEnd} className="shadow">
            <ArrowDownToLine aria-hidden className="h-4 w-4" /> Jump to end
          </Button>
        </div>
      )}
      <div className="mt-1 flex justify-between text-xs text-slate-500 dark:text-slate-400">
        <span>
          {(firstLine + total).toLocaleString()} line{firstLine + total === 1 ? '' : 's'}
          {!follow && total > 0 ? ' · auto-scroll paused' : ''}
        </span>
        {hiddenBefore === 0 && fullLog}
      </div>
    </div>
  )
}
