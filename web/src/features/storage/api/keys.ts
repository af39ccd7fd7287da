export const storageKeys = {
  all: ['storage'] as const,
  usage: () => [...storageKeys.all, 'usage'] as const,
}

export const retentionKeys = {
  all: ['retention'] as const,
  rules: () => [...retentionKeys.all, 'rules'] as const,
  preview: () => [...retentionKeys.all, 'preview'] as const,
}
