import { describe, expect, it } from 'vitest'
import { formFrom, toInput } from './endpointForm'
import type { NotificationEndpoint } from '../api/parse'

const stored: NotificationEndpoint = {
  id: 'a1b2c3d4e5f6', kind: 'webhook', name: 'CI', url: 'https://ci.example.org/h', recipients: [], has_secret: true,
  event_types: ['job.failed'], notes_contains: null, tags: ['nightly'], enabled: true,
  created_at: '2026-12-01T09:58:00.000Z', updated_at: '2026-12-01T09:58:00.000Z',
}

describe('endpoint form', () => {
  it('keeps the stored secret unless it is replaced or removed', () => {
    const f = formFrom(stored)
    expect(f.secret).toBe('')
    expect(toInput(f, true)).not.toHaveProperty('secret')
    expect(toInput({ ...f, secret: 'new' }, true).secret).toBe('new')
    expect(toInput({ ...f, secret: 'new', removeSecret: true }, true).secret).toBe('')
  })

  it('splits recipients and tags, strips the # of tags', () => {
    const input = toInput({ ...formFrom(null), kind: 'email', recipients: 'a@x.org, b@x.org\nc@x.org', tags: '#nightly erfa' }, false)
    expect(input.recipients).toEqual(['a@x.org', 'b@x.org', 'c@x.org'])
    expect(input.tags).toEqual(['nightly', 'erfa'])
    expect(input).not.toHaveProperty('url')
  })
})
