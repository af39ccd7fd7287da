import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from './api'
import { loadStatic, staticDataFile } from './staticSite'
import examplesJson from './staticDataFiles.examples.json'

// The same examples are checked against the C# side (src/AstroBench.Cli/Publish/StaticDataFile.cs), from staticDataFiles.examples.json.
const examples = examplesJson as [string, string][]

describe('staticDataFile', () => {
  it.each(examples)('maps %s to %s', (url, file) => {
    expect(staticDataFile(url)).toBe(file)
  })

  it('is one-to-one where a naive mapping would collide', () => {
    expect(staticDataFile('/a_b')).not.toBe(staticDataFile('/a/b'))
  })
})

describe('loadStatic', () => {
  afterEach(() => {
    delete window.__astrobench
    document.head.querySelectorAll('script').forEach((s) => s.remove())
  })

  it('answers from the registry a data script filled', async () => {
    window.__astrobench = { '/api/runs': [{ id: 'r1' }] }
    await expect(loadStatic('/api/runs')).resolves.toEqual([{ id: 'r1' }])
  })

  it('loads the data script of a URL and rejects with a 404 ApiError when the site has no file for it', async () => {
    const p = loadStatic('/api/runs/missing')
    const script = document.head.querySelector('script')!
    expect(script.getAttribute('src')).toBe('data/_2Fapi_2Fruns_2Fmissing.js')
    script.dispatchEvent(new Event('error'))
    const err = await p.catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(404)
  })
})
