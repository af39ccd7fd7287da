import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/lib/api'
import { parseRetentionSettings, type RetentionRules } from './getRetention'
import { retentionKeys } from './keys'

/** PUT /api/retention saves the rules whole; a 422 carries one message per bad field (ApiError.fieldErrors). */
export const saveRetention = (rules: RetentionRules) => apiFetch('/api/retention', { method: 'PUT', json: rules, parse: parseRetentionSettings })

/** DELETE /api/retention: back to appsettings' rules. */
export const resetRetention = () => apiFetch('/api/retention', { method: 'DELETE', parse: parseRetentionSettings })

export function useSaveRetention() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (rules: RetentionRules | null) => (rules ? saveRetention(rules) : resetRetention()),
    onSuccess: (settings) => {
      qc.setQueryData(retentionKeys.rules(), settings)
      void qc.invalidateQueries({ queryKey: retentionKeys.preview() })
    },
  })
}
