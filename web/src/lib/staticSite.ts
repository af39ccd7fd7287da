// The published site (`astrobench publish`, docs/publish-import.md): the same app, built with
// `vite build --mode static`, reading exported JSON instead of /api. file:// forbids fetch and
// module scripts in chromium, so every GET answer is a classic script, data/<name>.js, that puts
// its body into window.__astrobench; it is loaded on demand with a <script> tag.

import { ApiError } from './api'
import { chunkResolver } from './staticChunks'
import { derive } from './staticDerived'

/** True in the static build: no server, read-only, hash routes. */
export const isStaticSite: boolean = import.meta.env.MODE === 'static'

declare global {
  interface Window {
    __astrobench?: Record<string, unknown>
  }
}

/**
 * The data file of a GET URL: every character but [A-Za-z0-9-] becomes `_` and its UTF-8 bytes
 * in hex, so the mapping is one-to-one and safe on every file system. The C# side
 * (src/AstroBench.Cli/Publish/StaticDataFile.cs) is the same function; a test checks both
 * against the same examples.
 */
export function staticDataFile(url: string): string {
  let out = ''
  for (const ch of url) {
    if (/^[A-Za-z0-9-]$/.test(ch)) out += ch
    else for (const b of new TextEncoder().encode(ch)) out += `_${b.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return `data/${out}.js`
}

const pending = new Map<string, Promise<unknown>>()

/** A data file's body with its shared chunks put back (lib/staticChunks.ts). */
const loadWhole = chunkResolver((url) => loadFile(url))

function registry(): Record<string, unknown> {
  return (window.__astrobench ??= {})
}

/** The exported body of GET `url` (its own file, or derived from others: lib/staticDerived.ts); an ApiError 404 when the site has neither. */
export function loadStatic(url: string): Promise<unknown> {
  return derive(url, loadWhole) ?? loadWhole(url)
}

function loadFile(url: string): Promise<unknown> {
  const known = registry()
  if (url in known) return Promise.resolve(known[url])
  let p = pending.get(url)
  if (!p) {
    p = new Promise((resolve, reject) => {
      const script = document.createElement('script')
      script.src = staticDataFile(url)
      script.async = true
      script.onload = () => {
        script.remove()
        if (url in registry()) resolve(registry()[url])
        else reject(new ApiError(404, { status: 404, detail: `${url} is not in this published site.` }, 'not published'))
      }
      script.onerror = () => {
        script.remove()
        pending.delete(url)
        reject(new ApiError(404, { status: 404, detail: `${url} is not in this published site.` }, 'not published'))
      }
      document.head.appendChild(script)
    })
    pending.set(url, p)
  }
  return p
}

/** What a mutating call answers on the published site: it has no server. */
export function readOnly(method: string, url: string): ApiError {
  return new ApiError(405, { status: 405, detail: `This published site is read-only (${method} ${url}).` }, 'read-only')
}
