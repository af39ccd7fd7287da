import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { notificationKeys } from './keys'
import { parseEventTypes } from './parse'

/** The subscribable event types (the server's one list); they change only with a server upgrade. */
export const getEventTypes = () => apiFetch('/api/notifications/event-types', { parse: parseEventTypes })

export const eventTypesQueryOptions = () =>
  queryOptions({ queryKey: notificationKeys.eventTypes(), queryFn: getEventTypes, staleTime: Infinity })

export const useEventTypes = () => useQuery(eventTypesQueryOptions())
