import { arr, bool, int, matching, nullable, num, obj, oneOf, ShapeError, str, timestamp } from '@/lib/decode'

export const ENDPOINT_KINDS = ['webhook', 'email'] as const
export type EndpointKind = (typeof ENDPOINT_KINDS)[number]
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** A notification endpoint as GET /api/notifications/endpoints shows it (docs/notifications.md): never the secret. */
export interface NotificationEndpoint {
  id: string
  kind: EndpointKind
  name: string
  url: string | null
  recipients: string[]
  has_secret: boolean
  event_types: string[]
  notes_contains: string | null
  tags: string[]
  enabled: boolean
  created_at: string
  updated_at: string
}

export interface DeliveryAttempt {
  attempt: number
  at: string
  status_code: number | null
  duration_ms: number
  error: string | null
}

export interface Delivery {
  id: number
  event_id: string
  event_type: string
  status: DeliveryStatus
  attempts: number
  rounds: number
  next_attempt_at: string
  created_at: string
  delivered_at: string | null
  last_status_code: number | null
  last_error: string | null
  attempt_log: DeliveryAttempt[]
}

const strings = (v: unknown, path: string) => arr(v, path, str)

export function parseEndpoint(v: unknown, path = 'endpoint'): NotificationEndpoint {
  const o = obj(v, path)
  if ('secret' in o) throw new ShapeError(`${path}.secret`, 'absent (secrets are write-only)', '…')
  return {
    id: matching(o.id, `${path}.id`, /^[0-9a-f]{12}$/, 'an endpoint id'),
    kind: oneOf(o.kind, `${path}.kind`, ENDPOINT_KINDS),
    name: str(o.name, `${path}.name`),
    url: nullable(str)(o.url, `${path}.url`),
    recipients: strings(o.recipients, `${path}.recipients`),
    has_secret: bool(o.has_secret, `${path}.has_secret`),
    event_types: strings(o.event_types, `${path}.event_types`),
    notes_contains: nullable(str)(o.notes_contains, `${path}.notes_contains`),
    tags: strings(o.tags, `${path}.tags`),
    enabled: bool(o.enabled, `${path}.enabled`),
    created_at: timestamp(o.created_at, `${path}.created_at`),
    updated_at: timestamp(o.updated_at, `${path}.updated_at`),
  }
}

export const parseEndpointList = (v: unknown) => arr(v, 'endpoints', parseEndpoint)

function parseAttempt(v: unknown, path: string): DeliveryAttempt {
  const o = obj(v, path)
  return {
    attempt: int(o.attempt, `${path}.attempt`),
    at: timestamp(o.at, `${path}.at`),
    status_code: nullable(int)(o.status_code, `${path}.status_code`),
    duration_ms: num(o.duration_ms, `${path}.duration_ms`),
    error: nullable(str)(o.error, `${path}.error`),
  }
}

export function parseDelivery(v: unknown, path = 'delivery'): Delivery {
  const o = obj(v, path)
  return {
    id: int(o.id, `${path}.id`),
    event_id: str(o.event_id, `${path}.event_id`),
    event_type: str(o.event_type, `${path}.event_type`),
    status: oneOf(o.status, `${path}.status`, DELIVERY_STATUSES),
    attempts: int(o.attempts, `${path}.attempts`),
    rounds: int(o.rounds, `${path}.rounds`),
    next_attempt_at: timestamp(o.next_attempt_at, `${path}.next_attempt_at`),
    created_at: timestamp(o.created_at, `${path}.created_at`),
    delivered_at: nullable(timestamp)(o.delivered_at, `${path}.delivered_at`),
    last_status_code: nullable(int)(o.last_status_code, `${path}.last_status_code`),
    last_error: nullable(str)(o.last_error, `${path}.last_error`),
    attempt_log: arr(o.attempt_log, `${path}.attempt_log`, parseAttempt),
  }
}

export const parseDeliveryList = (v: unknown) => arr(v, 'deliveries', parseDelivery)

export const parseEventTypes = (v: unknown) => strings(v, 'event_types')
