// Hierarchical query keys for notifications: invalidating ['notifications'] refreshes everything below it.
export const notificationKeys = {
  all: ['notifications'] as const,
  eventTypes: () => [...notificationKeys.all, 'event-types'] as const,
  endpoints: () => [...notificationKeys.all, 'endpoints'] as const,
  deliveries: (id: string) => [...notificationKeys.endpoints(), id, 'deliveries'] as const,
}
