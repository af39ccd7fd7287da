import { describe, expect, it } from 'vitest'
import { framePairs, rankTone } from './heatmapModel'

describe('heatmapModel', () => {
  it('colours rank 1 green, the better half amber and the worse half red; unranked cells stay plain', () => {
    expect(rankTone(1, 4)).toMatch(/green/)
    expect(rankTone(2, 3)).toMatch(/amber/)
    expect(rankTone(3, 3)).toMatch(/red/)
    expect(rankTone(null, 3)).toBe('')
  })

  it('groups experiments by FROM × TO frames and leaves out those without frames', () => {
    const { froms, tos, cell } = framePairs([
      { experiment: 'frame_bias', from_frame: 'ICRS', to_frame: 'mean J2000' },
      { experiment: 'inv_frame_bias', from_frame: 'mean J2000', to_frame: 'ICRS' },
      { experiment: 'new_one', from_frame: '', to_frame: '' },
    ])
    expect(froms).toEqual(['ICRS', 'mean J2000'])
    expect(tos).toEqual(['ICRS', 'mean J2000'])
    expect(cell('ICRS', 'mean J2000').map((e) => e.experiment)).toEqual(['frame_bias'])
  })
})
