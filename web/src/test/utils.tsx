import { useState, type ReactElement } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import { createPath, MemoryRouter, parsePath, Route, Router, Routes, useLocation, type Location, type Navigator, type Path, type To } from 'react-router'
import { vi } from 'vitest'

export function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } } })
}

export function LocationProbe() {
  const loc = useLocation()
  return <div data-testid="location">{loc.pathname + loc.search}</div>
}

export function renderRoute(path: string, routePattern: string, element: ReactElement, qc = makeQueryClient()) {
  const utils = render(
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={routePattern} element={element} />
          <Route path="*" element={<div>elsewhere</div>} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  )
  return { ...utils, qc }
}

export interface MockResponse {
  status?: number
  body?: unknown
  headers?: Record<string, string>
}
type Handler = (req: { url: URL; method: string; body: unknown }) => MockResponse | Promise<MockResponse>

/** Routes fetch calls by "METHOD /path" (query string ignored) to handlers; unknown routes 404. */
export function mockFetch(routes: Record<string, Handler>) {
  const calls: { method: string; url: URL; body: unknown }[] = []
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost')
    const method = (init?.method ?? 'GET').toUpperCase()
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    calls.push({ method, url, body })
    const handler = routes[`${method} ${url.pathname}`]
    const res: MockResponse = handler ? await handler({ url, method, body }) : { status: 404, body: { title: 'Not found' } }
    const status = res.status ?? 200
    return new Response(status === 204 || res.body === undefined ? null : JSON.stringify(res.body), {
      status,
      headers: { 'Content-Type': 'application/json', ...res.headers },
    })
  })
  vi.stubGlobal('fetch', fn)
  return { fn, calls }
}

/** A controllable stand-in for the browser WebSocket. */
export class FakeWebSocket {
  static instances: FakeWebSocket[] = []
  static reset() {
    FakeWebSocket.instances = []
  }
  static last() {
    return FakeWebSocket.instances[FakeWebSocket.instances.length - 1]
  }
  url: string
  readyState = 0
  onopen: ((ev: Event) => void) | null = null
  onmessage: ((ev: MessageEvent) => void) | null = null
  onclose: ((ev: CloseEvent) => void) | null = null
  onerror: ((ev: Event) => void) | null = null
  constructor(url: string) {
    this.url = url
    FakeWebSocket.instances.push(this)
  }
  open() {
    this.readyState = 1
    this.onopen?.(new Event('open'))
  }
  send(obj: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(obj) }))
  }
  drop() {
    this.readyState = 3
    this.onclose?.(new CloseEvent('close', { code: 1006 }))
  }
  close() {
    this.readyState = 3
    this.onclose?.(new CloseEvent('close', { code: 1000 }))
  }
}

/**
 * Renders under a router whose navigations wait until the test commits them, the way
 * BrowserRouter's transitions can hold a new location back. A control that only reads the URL
 * then still shows its old value after a click; one that shows its new value at once passes.
 */
export function renderWithHeldNavigation(path: string, routePattern: string, element: ReactElement, qc = makeQueryClient()) {
  const held: { to: Path; replace: boolean }[] = []
  let keys = 0
  const toLocation = (p: Partial<Path>): Location => ({
    pathname: p.pathname ?? '/',
    search: p.search ?? '',
    hash: p.hash ?? '',
    state: null,
    key: `k${++keys}`,
  })
  const asPath = (to: To): Path => (typeof to === 'string' ? parsePath(to) : to) as Path
  let setLocation: (l: Location) => void = () => {}
  const navigator: Navigator = {
    createHref: (to) => createPath(asPath(to)),
    go: () => {},
    push: (to) => void held.push({ to: asPath(to), replace: false }),
    replace: (to) => void held.push({ to: asPath(to), replace: true }),
  }
  function Host() {
    const [location, set] = useState<Location>(() => toLocation(parsePath(path)))
    setLocation = set
    return (
      <Router location={location} navigator={navigator}>
        <Routes>
          <Route path={routePattern} element={element} />
          <Route path="*" element={<div>elsewhere</div>} />
        </Routes>
        <LocationProbe />
      </Router>
    )
  }
  const utils = render(
    <QueryClientProvider client={qc}>
      <Host />
    </QueryClientProvider>,
  )
  /** Applies the navigations held so far (the last one wins, as in a browser). */
  const commit = () => {
    const last = held[held.length - 1]
    if (!last) throw new Error('no navigation is held')
    held.length = 0
    act(() => setLocation(toLocation(last.to)))
  }
  return { ...utils, qc, held, commit }
}
