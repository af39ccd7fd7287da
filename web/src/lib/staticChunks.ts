// The published site moves large JSON subtrees into shared, content-named chunks: in a body, the
// object {"$chunk": "<id>"} stands for the body of `/chunks/<id>` (src/AstroBench.Cli/Publish/JsonChunks.cs).
// Run detail and experiment detail, and the runs that computed the same thing, share one file.

type Load = (url: string) => Promise<unknown>

const REF = '$chunk'

function refOf(v: unknown): string | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null
  const keys = Object.keys(v)
  const id = (v as Record<string, unknown>)[REF]
  return keys.length === 1 && typeof id === 'string' ? id : null
}

function collect(v: unknown, ids: Set<string>) {
  if (Array.isArray(v)) {
    for (const x of v) if (x !== null && typeof x === 'object') collect(x, ids)
  } else if (v !== null && typeof v === 'object') {
    const id = refOf(v)
    if (id !== null) ids.add(id)
    else for (const x of Object.values(v)) collect(x, ids)
  }
}

function substitute(v: unknown, chunks: Map<string, unknown>): unknown {
  if (Array.isArray(v)) return v.map((x) => substitute(x, chunks))
  if (v === null || typeof v !== 'object') return v
  const id = refOf(v)
  if (id !== null) return chunks.get(id)
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, chunks)]))
}

/** A loader whose answers have every chunk put back (each chunk loaded and put together once). */
export function chunkResolver(loadFile: Load): Load {
  const resolved = new Map<string, Promise<unknown>>()
  const chunk = (id: string) => {
    let p = resolved.get(id)
    if (!p) {
      p = loadFile(`/chunks/${id}`).then(resolve)
      p.catch(() => resolved.delete(id))
      resolved.set(id, p)
    }
    return p
  }
  async function resolve(v: unknown): Promise<unknown> {
    const ids = new Set<string>()
    collect(v, ids)
    if (ids.size === 0) return v
    const chunks = new Map(await Promise.all([...ids].map(async (id) => [id, await chunk(id)] as const)))
    return substitute(v, chunks)
  }
  return (url) => loadFile(url).then(resolve)
}
