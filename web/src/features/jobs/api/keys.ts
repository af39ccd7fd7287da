// Hierarchical query keys for jobs: invalidating ['jobs'] refreshes everything below it.
export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  list: (limit: number, offset: number) => [...jobKeys.lists(), { limit, offset }] as const,
  active: () => [...jobKeys.all, 'active'] as const,
  details: () => [...jobKeys.all, 'detail'] as const,
  detail: (id: string) => [...jobKeys.details(), id] as const,
  history: (id: string) => [...jobKeys.detail(id), 'history'] as const,
  liveLog: (id: string) => [...jobKeys.detail(id), 'live-log'] as const,
  logPage: (id: string, from: number, limit: number) => [...jobKeys.detail(id), 'log-page', { from, limit }] as const,
}

export const limitsKeys = {
  all: ['limits'] as const,
}
