export const experimentKeys = {
  all: ['experiments'] as const,
  catalog: () => [...experimentKeys.all, 'catalog'] as const,
}
export const adapterKeys = {
  all: ['adapters'] as const,
}
