import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch, qs } from '@/lib/api'
import { notificationKeys } from './keys'
import { parseDeliveryList } from './parse'

/** An endpoint's delivery log, newest first (GET …/deliveries answers a plain array). */
export const getDeliveries = (id: string, limit = 50) =>
  apiFetch(`/api/notifications/endpoints/${encodeURIComponent(id)}/deliveries${qs({ limit })}`, { parse: parseDeliveryList })

/** Polls while a delivery is still pending, so retries show up as they happen. */
export const deliveriesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: notificationKeys.deliveries(id),
    queryFn: () => getDeliveries(id),
    refetchInterval: (q) => (q.state.data?.some((d) => d.status === 'pending') ? 2000 : false),
  })

export const useDeliveries = (id: string) => useQuery(deliveriesQueryOptions(id))
