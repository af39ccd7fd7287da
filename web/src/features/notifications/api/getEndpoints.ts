import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { notificationKeys } from './keys'
import { parseEndpointList } from './parse'

export const getEndpoints = () => apiFetch('/api/notifications/endpoints', { parse: parseEndpointList })

export const endpointsQueryOptions = () => queryOptions({ queryKey: notificationKeys.endpoints(), queryFn: getEndpoints })

export const useEndpoints = () => useQuery(endpointsQueryOptions())
