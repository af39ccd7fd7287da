import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { JOB_STATUSES } from '@/lib/types'
import { StatusBadge, statusTone } from './StatusBadge'

describe('StatusBadge', () => {
  it.each([
    ['completed', 'Completed', 'green'],
    ['failed', 'Failed', 'red'],
    ['cancelled', 'Cancelled', 'orange'],
    ['running', 'Running', 'blue'],
    ['cancelling', 'Cancelling', 'blue'],
    ['starting', 'Starting', 'blue'],
    ['queued', 'Queued', 'grey'],
  ] as const)('%s shows the text "%s" in %s', (status, text, tone) => {
    render(<StatusBadge status={status} />)
    const badge = screen.getByText(text)
    expect(badge).toHaveAttribute('data-tone', tone)
    expect(statusTone(status)).toBe(tone)
  })
  it('never relies on colour alone: every status has its own label and an icon', () => {
    const labels = new Set<string>()
    for (const s of JOB_STATUSES) {
      const { container, unmount } = render(<StatusBadge status={s} />)
      labels.add(container.textContent ?? '')
      expect(container.querySelector('svg')).not.toBeNull()
      unmount()
    }
    expect(labels.size).toBe(JOB_STATUSES.length)
  })
  it('spins only for live statuses', () => {
    const { container, rerender } = render(<StatusBadge status="running" />)
    expect(container.querySelector('svg')).toHaveClass('animate-spin')
    rerender(<StatusBadge status="completed" />)
    expect(container.querySelector('svg')).not.toHaveClass('animate-spin')
  })
})
