// Query keys for schedules: invalidating ['schedules'] refreshes the list.
export const scheduleKeys = {
  all: ['schedules'] as const,
  list: () => [...scheduleKeys.all, 'list'] as const,
}
