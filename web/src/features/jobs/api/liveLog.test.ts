import { describe, expect, it } from 'vitest'
import { appendLines } from './liveLog'

describe('appendLines', () => {
  it('appends in order and advances next', () => {
    const log = appendLines({ lines: ['a'], first: 0, next: 1 }, [
      { n: 1, line: 'b' },
      { n: 2, line: 'c' },
    ])
    expect(log).toEqual({ lines: ['a', 'b', 'c'], first: 0, next: 3 })
  })
  it('drops replayed duplicates after a reconnect', () => {
    const log = appendLines({ lines: ['a', 'b'], first: 0, next: 2 }, [
      { n: 1, line: 'b' },
      { n: 2, line: 'c' },
    ])
    expect(log.lines).toEqual(['a', 'b', 'c'])
  })
  it('keeps only the newest lines beyond the cap', () => {
    const incoming = Array.from({ length: 10 }, (_, i) => ({ n: i, line: `l${i}` }))
    const log = appendLines(undefined, incoming, 4)
    expect(log).toEqual({ lines: ['l6', 'l7', 'l8', 'l9'], first: 6, next: 10 })
  })
  it('starts an empty log at the first streamed line number', () => {
    expect(appendLines(undefined, [{ n: 40, line: 'x' }])).toEqual({ lines: ['x'], first: 40, next: 41 })
  })
})
