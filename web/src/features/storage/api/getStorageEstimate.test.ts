import { describe, expect, it } from 'vitest'
import { ShapeError } from '@/lib/decode'
import { parseStorageEstimate } from './getStorageEstimate'

// As the server writes it (StorageEstimateDto, docs/storage.md).
const sent = {
  predicted_bytes: 1063260,
  bytes_per_case: 26.5815,
  basis: 'history',
  free_bytes: 74647531520,
  min_free_disk_mb: 512,
  would_refuse: false,
  detail: null,
}

describe('parseStorageEstimate', () => {
  it('reads the shape the server sends', () => {
    expect(parseStorageEstimate(sent)).toEqual(sent)
    expect(parseStorageEstimate({ ...sent, basis: 'default', would_refuse: true, detail: 'Not enough disk space' }).detail).toBe('Not enough disk space')
  })

  it('rejects a shape the server never sends', () => {
    expect(() => parseStorageEstimate([sent])).toThrow(ShapeError)
    expect(() => parseStorageEstimate({ ...sent, basis: 'guess' })).toThrow(/estimate\.basis/)
    const { would_refuse: _w, ...noRefuse } = sent
    expect(() => parseStorageEstimate(noRefuse)).toThrow(/estimate\.would_refuse/)
    expect(() => parseStorageEstimate({ ...sent, predicted_bytes: '1 MB' })).toThrow(/estimate\.predicted_bytes/)
  })
})
