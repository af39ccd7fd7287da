import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { notificationKeys } from './keys'
import { parseEndpoint, type EndpointKind } from './parse'

/** Body of POST (create) and PATCH (change); in a PATCH an absent member keeps its value, `secret: ""` removes it. */
export interface EndpointInput {
  kind?: EndpointKind
  name?: string
  url?: string
  recipients?: string[]
  secret?: string
  event_types?: string[]
  notes_contains?: string
  tags?: string[]
  enabled?: boolean
}

export const createEndpoint = (input: EndpointInput) =>
  apiFetch('/api/notifications/endpoints', { method: 'POST', json: input, parse: parseEndpoint })

export const updateEndpoint = (id: string, input: EndpointInput) =>
  apiFetch(`/api/notifications/endpoints/${encodeURIComponent(id)}`, { method: 'PATCH', json: input, parse: parseEndpoint })

export function useSaveEndpoint() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: EndpointInput }) => (id ? updateEndpoint(id, input) : createEndpoint(input)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.endpoints() }),
  })
}
