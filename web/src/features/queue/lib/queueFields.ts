import { CONCURRENCY_KEY } from '../api/parseQueuedJob'

export const MIN_PRIORITY = -100
export const MAX_PRIORITY = 100

/** The server's rule (docs/queue.md): an integer from −100 to 100. Null when valid. */
export function priorityError(text: string): string | null {
  const t = text.trim()
  if (!/^-?\d+$/.test(t) || Number(t) < MIN_PRIORITY || Number(t) > MAX_PRIORITY) {
    return `Priority must be a whole number from ${MIN_PRIORITY} to ${MAX_PRIORITY}.`
  }
  return null
}

/** Empty = no key; otherwise 1–100 characters: letters, digits and . _ : / - (starting with a letter or digit). */
export function concurrencyKeyError(text: string): string | null {
  if (text === '' || CONCURRENCY_KEY.test(text)) return null
  return 'Use 1–100 letters, digits or . _ : / - (starting with a letter or digit).'
}
