// Thin fetch wrapper: JSON in/out, RFC 7807 problem details turned into ApiError.

import { isStaticSite, loadStatic, readOnly } from './staticSite'

export interface ProblemDetails {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: Record<string, string[]>
  active_job_id?: string
  [key: string]: unknown
}

export class ApiError extends Error {
  readonly status: number
  readonly problem: ProblemDetails | null

  constructor(status: number, problem: ProblemDetails | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }

  /** Field → messages of a 422 validation problem (keys lower-cased, snake_case). */
  get fieldErrors(): Record<string, string[]> {
    const out: Record<string, string[]> = {}
    for (const [k, v] of Object.entries(this.problem?.errors ?? {})) {
      out[normalizeField(k)] = v
    }
    return out
  }
}

function normalizeField(key: string): string {
  // "PerfRounds" / "perfRounds" / "$.perf_rounds" → "perf_rounds"
  const bare = key.replace(/^\$\./, '').replace(/\[\d+\]$/, '')
  return bare.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
}

const TOKEN_KEY = 'astrobench.token'

/** Optional API token (server `--token`), kept in localStorage under `astrobench.token`. */
export function authToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

function authHeaders(): Record<string, string> {
  const token = authToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

export type ApiInit<T> = RequestInit & {
  json?: unknown
  /** Checks the body's shape (see lib/decode.ts) and returns it typed; throws on a shape the server never sends. */
  parse?: (body: unknown) => T
}

export interface ApiResponse<T> {
  /** `null` for 204 No Content. */
  body: T | null
  status: number
  headers: Headers
}

/** Like apiFetch, with the status and headers (e.g. `X-Total-Count`). */
export async function apiRequest<T>(path: string, init: ApiInit<T> = {}): Promise<ApiResponse<T>> {
  const { json, headers, parse, ...rest } = init
  if (isStaticSite) {
    // The published site: GETs read the exported files, nothing else exists (lib/staticSite.ts).
    const method = (rest.method ?? 'GET').toUpperCase()
    if (method !== 'GET') throw readOnly(method, path)
    const body = await loadStatic(path)
    return { body: parse ? parse(body) : (body as T), status: 200, headers: new Headers() }
  }
  const res = await fetch(path, {
    ...rest,
    headers: {
      Accept: 'application/json',
      ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...authHeaders(),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  })
  if (res.status === 204) return { body: null, status: res.status, headers: res.headers }
  const text = await res.text()
  let body: unknown = null
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      body = null
    }
  }
  if (!res.ok) {
    const problem = body && typeof body === 'object' ? (body as ProblemDetails) : null
    throw new ApiError(res.status, problem, `${res.status} ${res.statusText || 'request failed'}`)
  }
  return { body: parse ? parse(body) : (body as T), status: res.status, headers: res.headers }
}

/** JSON body of a successful answer (`null` for 204); problem details become ApiError. */
export async function apiFetch<T>(path: string, init: ApiInit<T> = {}): Promise<T> {
  return (await apiRequest(path, init)).body as T
}

export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v))
  }
  const s = p.toString()
  return s ? `?${s}` : ''
}

export function wsUrl(path: string): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${path}`
}
