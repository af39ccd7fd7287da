// Query keys of the queue; mutations invalidate queueKeys.all (and the job lists, whose rows change too).
export const queueKeys = {
  all: ['queue'] as const,
  list: () => [...queueKeys.all, 'list'] as const,
}
