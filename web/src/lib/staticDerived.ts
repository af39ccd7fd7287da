// Answers of the published site that are not files of their own (docs/publish-import.md): a site
// carries each body once and the browser derives the rest, exactly as the server would answer it.
// - cases pages: from the experiment's one export (`…/cases#published`) and its column chunks
//   (`/chunks/<id>`, named by content, shared by every run with the same inputs or outputs);
// - /api/history with a testbed, /api/history/series?testbed=: the all-testbeds answer, filtered;
// - /api/regressions?state=: the full list, filtered.

import { ApiError } from './api'
import { arr, int, obj, str } from './decode'

type Load = (url: string) => Promise<unknown>

interface CasesExport {
  columns: string[]
  total: number
  rows: number
  chunks: { id: string; columns: number[] }[]
}

const CASES = /^(\/api\/runs\/[^/?#]+\/experiments\/[^/?#]+\/cases)\?([^#]*)$/

function parseExport(v: unknown): CasesExport {
  const o = obj(v, 'cases export')
  return {
    columns: arr(o.columns, 'cases export.columns', str),
    total: int(o.total, 'cases export.total'),
    rows: int(o.rows, 'cases export.rows'),
    chunks: arr(o.chunks, 'cases export.chunks', (c, path) => {
      const chunk = obj(c, path)
      return { id: str(chunk.id, `${path}.id`), columns: arr(chunk.columns, `${path}.columns`, int) }
    }),
  }
}

/** Per export URL, its columns put together from the chunks (once: the plots and every table page share them). */
const assembled = new Map<string, Promise<{ meta: CasesExport; columns: unknown[][] }>>()

function casesOf(base: string, load: Load) {
  let p = assembled.get(base)
  if (!p) {
    p = (async () => {
      const meta = parseExport(await load(`${base}#published`))
      const columns: unknown[][] = meta.columns.map(() => [])
      const chunks = await Promise.all(meta.chunks.map((c) => load(`/chunks/${c.id}`)))
      meta.chunks.forEach((c, k) => c.columns.forEach((col, j) => (columns[col] = (chunks[k] as unknown[][])[j] ?? [])))
      return { meta, columns }
    })()
    p.catch(() => assembled.delete(base))
    assembled.set(base, p)
  }
  return p
}

async function casesPage(base: string, params: URLSearchParams, load: Load) {
  const offset = Number(params.get('offset') ?? 0)
  const limit = Number(params.get('limit') ?? 500)
  const { meta, columns } = await casesOf(base, load)
  if (offset >= meta.rows && offset < meta.total) {
    const detail = `This published site holds the first ${meta.rows} of ${meta.total} cases.`
    throw new ApiError(404, { status: 404, detail }, 'not published')
  }
  const rows: unknown[][] = []
  for (let i = offset; i < Math.min(offset + limit, meta.rows); i++) rows.push(columns.map((c) => c[i] ?? null))
  return { columns: meta.columns, rows, offset, limit, total: meta.total }
}

/** `load(base)` filtered to the items whose `field` is `value`. */
async function filtered(load: Load, base: string, field: string, value: string) {
  const body = await load(base)
  return Array.isArray(body) ? body.filter((x) => (x as Record<string, unknown> | null)?.[field] === value) : body
}

/** The answer of a URL the site derives, or null when the URL is a file of its own. */
export function derive(url: string, load: Load): Promise<unknown> | null {
  const cases = CASES.exec(url)
  if (cases) return casesPage(cases[1], new URLSearchParams(cases[2]), load)
  const [path, query = ''] = url.split('?', 2)
  const params = new URLSearchParams(query)
  const testbed = params.get('testbed')
  if (path === '/api/history' && testbed !== null) {
    params.delete('testbed')
    return filtered(load, `/api/history?${params}`, 'testbed', testbed)
  }
  if (path === '/api/history/series' && testbed !== null && [...params.keys()].length === 1) {
    return filtered(load, '/api/history/series', 'testbed', testbed)
  }
  const state = params.get('state')
  if (path === '/api/regressions' && state !== null && [...params.keys()].length === 1) {
    return filtered(load, '/api/regressions', 'state', state)
  }
  return null
}

/** Forgets assembled cases (tests). */
export function resetDerived() {
  assembled.clear()
}
