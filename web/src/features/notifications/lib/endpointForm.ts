import type { EndpointInput } from '../api/saveEndpoint'
import type { EndpointKind, NotificationEndpoint } from '../api/parse'

/** What the endpoint form edits. The secret is write-only: the form never holds the stored one. */
export interface EndpointFormState {
  kind: EndpointKind
  name: string
  url: string
  recipients: string
  /** Typed by the user: empty keeps the stored secret (or sets none on create). */
  secret: string
  removeSecret: boolean
  eventTypes: string[]
  notesContains: string
  tags: string
  enabled: boolean
}

export function formFrom(e: NotificationEndpoint | null): EndpointFormState {
  return {
    kind: e?.kind ?? 'webhook',
    name: e?.name ?? '',
    url: e?.url ?? '',
    recipients: e?.recipients.join(', ') ?? '',
    secret: '',
    removeSecret: false,
    eventTypes: e?.event_types ?? [],
    notesContains: e?.notes_contains ?? '',
    tags: e?.tags.map((t) => `#${t}`).join(' ') ?? '',
    enabled: e?.enabled ?? true,
  }
}

const list = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0)

/** The request body: every member for a create; for a change the secret only when replaced or removed. */
export function toInput(f: EndpointFormState, editing: boolean): EndpointInput {
  const input: EndpointInput = {
    kind: f.kind,
    name: f.name.trim(),
    url: f.kind === 'webhook' ? f.url.trim() : '',
    recipients: f.kind === 'email' ? list(f.recipients) : [],
    event_types: f.eventTypes,
    notes_contains: f.notesContains.trim(),
    tags: list(f.tags).map((t) => t.replace(/^#/, '')),
    enabled: f.enabled,
  }
  if (f.kind === 'webhook') {
    if (f.removeSecret) input.secret = ''
    else if (f.secret.length > 0) input.secret = f.secret
  } else if (editing) {
    input.secret = ''
  }
  if (!editing && input.url === '') delete input.url
  return input
}
