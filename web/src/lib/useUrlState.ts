import { useCallback, useMemo, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'

export type UrlUpdates = Record<string, string | null | undefined>

interface Pending {
  /** The location the change was made on; once the router moves past it, the URL is the truth again. */
  locationKey: string
  search: string
}

/**
 * Search parameters as page state that shows a change at once.
 *
 * React Router applies a navigation inside a React transition, so a control bound straight to
 * `useSearchParams()` shows its new value only when that transition commits: right after a click
 * a checkbox still reads unchecked (React restores the controlled value), a select its old
 * option. Here a change is rendered from local state synchronously and written to the URL; as soon
 * as the location changes (this navigation, Back/Forward, a link) the URL is the only source again.
 *
 * `set` merges: `null`/`undefined`/`''` removes a parameter, other keys are kept.
 */
export function useUrlState(): [URLSearchParams, (updates: UrlUpdates, options?: { replace?: boolean }) => void] {
  const location = useLocation()
  const navigate = useNavigate()
  const [pending, setPending] = useState<Pending | null>(null)
  // Two changes in one event (before a re-render) build on each other, not on the stale URL.
  const latest = useRef<Pending | null>(null)

  const search = pending && pending.locationKey === location.key ? pending.search : location.search
  const params = useMemo(() => new URLSearchParams(search), [search])

  const set = useCallback(
    (updates: UrlUpdates, options?: { replace?: boolean }) => {
      const base = latest.current?.locationKey === location.key ? latest.current.search : location.search
      const next = new URLSearchParams(base)
      for (const [k, v] of Object.entries(updates)) {
        if (v === null || v === undefined || v === '') next.delete(k)
        else next.set(k, v)
      }
      const nextSearch = next.toString() ? `?${next}` : ''
      const p = { locationKey: location.key, search: nextSearch }
      latest.current = p
      setPending(p)
      navigate({ pathname: location.pathname, search: nextSearch, hash: location.hash }, { replace: options?.replace })
    },
    [location.key, location.search, location.pathname, location.hash, navigate],
  )

  return [params, set]
}
