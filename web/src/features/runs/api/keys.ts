export const runKeys = {
  all: ['runs'] as const,
  list: () => [...runKeys.all, 'list'] as const,
  detail: (id: string) => [...runKeys.all, 'detail', id] as const,
  perfMatrix: (id: string) => [...runKeys.detail(id), 'performance-matrix'] as const,
  experiment: (id: string, exp: string) => [...runKeys.detail(id), 'experiment', exp] as const,
  experimentSummary: (id: string, exp: string) => [...runKeys.experiment(id, exp), 'summary'] as const,
  cases: (id: string, exp: string, offset: number, limit: number) =>
    [...runKeys.experiment(id, exp), 'cases', { offset, limit }] as const,
  allCases: (id: string, exp: string) => [...runKeys.experiment(id, exp), 'cases', 'all'] as const,
  compare: (a: string, b: string) => [...runKeys.all, 'compare', a, b] as const,
}
