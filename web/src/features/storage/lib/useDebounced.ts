import { useEffect, useState } from 'react'

/** `value` once it has stopped changing for `delayMs` (compared by JSON, so a fresh but equal object does not restart the wait). */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  const key = JSON.stringify(value)
  useEffect(() => {
    const t = setTimeout(() => setSettled(JSON.parse(key) as T), delayMs)
    return () => clearTimeout(t)
  }, [key, delayMs])
  return settled
}
