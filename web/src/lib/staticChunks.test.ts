import { describe, expect, it } from 'vitest'
import { chunkResolver } from './staticChunks'

describe('chunkResolver', () => {
  it('puts every shared chunk back, nested chunks too, loading each chunk once', async () => {
    const files: Record<string, unknown> = {
      '/api/runs/r1': { id: 'r1', experiments: { gmst_era: { $chunk: 'a' }, era: { $chunk: 'a' } }, manifest: { $chunk: 'b' } },
      '/chunks/a': [{ library: 'erfa', accuracy: { $chunk: 'c' } }],
      '/chunks/b': { run_id: 'r1' },
      '/chunks/c': { p99: 0.25 },
    }
    const asked: string[] = []
    const load = chunkResolver((url) => {
      asked.push(url)
      return Promise.resolve(files[url])
    })
    const whole = { library: 'erfa', accuracy: { p99: 0.25 } }
    await expect(load('/api/runs/r1')).resolves.toEqual({ id: 'r1', experiments: { gmst_era: [whole], era: [whole] }, manifest: { run_id: 'r1' } })
    await load('/chunks/a')
    expect(asked.filter((u) => u === '/chunks/c')).toHaveLength(1)
  })

  it('leaves a body without chunks as it is, and an object with more members than $chunk alone', async () => {
    const body = { rows: [[1, 2, null]], note: { $chunk: 'x', other: 1 } }
    await expect(chunkResolver(() => Promise.resolve(body))('/api/x')).resolves.toBe(body)
  })
})
