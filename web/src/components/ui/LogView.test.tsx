import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LOG_ROW_PX, LogView } from './LogView'

const lines = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `line ${from + i}`)

/** jsdom does no layout: give the log box a size and let tests move scrollTop. */
function layout(el: HTMLElement, total: number, height = 400) {
  Object.defineProperty(el, 'clientHeight', { configurable: true, value: height })
  Object.defineProperty(el, 'scrollHeight', { configurable: true, get: () => total * LOG_ROW_PX })
}

describe('LogView', () => {
  it('shows an empty state', () => {
    render(<LogView lines={[]} />)
    expect(screen.getByRole('log')).toHaveTextContent('No output yet.')
  })

  it('renders only a window of a big log (virtualised)', () => {
    render(<LogView lines={lines(50_000)} />)
    const log = screen.getByRole('log')
    const rendered = log.querySelectorAll('[data-line]')
    expect(rendered.length).toBeGreaterThan(0)
    expect(rendered.length).toBeLessThan(200)
    // following the end: the last line is in the DOM
    expect(screen.getByText('line 49999')).toBeInTheDocument()
  })

  it('numbers lines from firstLine and notes hidden earlier lines with a link to the full log', () => {
    render(<LogView lines={lines(3, 100)} firstLine={100} hiddenBefore={100} fullLog={<a href="/full">Open full log</a>} />)
    expect(screen.getByText('line 100').closest('[data-line]')).toHaveAttribute('data-line', '100')
    expect(screen.getByText(/100 earlier lines not shown/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Open full log' })).toBeInTheDocument()
  })

  it('pauses auto-scroll when the user scrolls up and offers Jump to end', () => {
    const { rerender } = render(<LogView lines={lines(1000)} />)
    const log = screen.getByRole('log')
    layout(log, 1000)
    expect(screen.queryByRole('button', { name: /jump to end/i })).toBeNull()

    log.scrollTop = 100
    fireEvent.scroll(log)
    expect(screen.getByRole('button', { name: /jump to end/i })).toBeInTheDocument()
    expect(screen.getByText(/auto-scroll paused/)).toBeInTheDocument()

    // new lines do not yank the reader back down
    layout(log, 1200)
    rerender(<LogView lines={lines(1200)} />)
    expect(log.scrollTop).toBe(100)

    fireEvent.click(screen.getByRole('button', { name: /jump to end/i }))
    expect(log.scrollTop).toBe(1200 * LOG_ROW_PX)
    expect(screen.queryByRole('button', { name: /jump to end/i })).toBeNull()
  })

  it('keeps following the end while at the bottom', () => {
    const { rerender } = render(<LogView lines={lines(10)} />)
    const log = screen.getByRole('log')
    layout(log, 500)
    rerender(<LogView lines={lines(500)} />)
    expect(log.scrollTop).toBe(500 * LOG_ROW_PX)
    expect(screen.getByText('line 499')).toBeInTheDocument()
  })

  it('highlights the cancellation line', () => {
    render(<LogView lines={['x', 'Benchmark execution cancelled by user.', '__CANCELLED__']} />)
    expect(screen.getByText('Benchmark execution cancelled by user.').parentElement).toHaveClass('text-orange-700')
  })
})
