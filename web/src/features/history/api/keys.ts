export interface HistoryQuery {
  experiment: string
  library: string
  testbed?: string
  order?: 'time' | 'commit'
}

export const historyKeys = {
  all: ['history'] as const,
  testbeds: () => [...historyKeys.all, 'testbeds'] as const,
  series: (testbed?: string) => [...historyKeys.all, 'series', testbed ?? null] as const,
  history: (q: HistoryQuery) => [...historyKeys.all, 'history', q] as const,
  regressions: (state?: string) => [...historyKeys.all, 'regressions', state ?? null] as const,
}
