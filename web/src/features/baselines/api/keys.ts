export const baselineKeys = {
  all: ['baselines'] as const,
  list: () => [...baselineKeys.all, 'list'] as const,
}
