import type uPlot from 'uplot'
import { describe, expect, it, vi } from 'vitest'
import { drawBands } from './plotBands'

/** A uPlot stand-in for drawBands: a 100 × 100 px plot area at (10, 20), x 0–200 and y 0–10 mapped linearly. */
function fakePlot() {
  const ctx = { save: vi.fn(), restore: vi.fn(), beginPath: vi.fn(), rect: vi.fn(), clip: vi.fn(), fillRect: vi.fn(), fillStyle: '' }
  const scales = { x: { min: 0, max: 200 }, y: { min: 0, max: 10 } }
  const valToPos = (v: number, scale: string) => (scale === 'x' ? 10 + (v / 200) * 100 : 20 + 100 - (v / 10) * 100)
  return { u: { bbox: { left: 10, top: 20, width: 100, height: 100 }, scales, valToPos, ctx } as unknown as uPlot, ctx }
}

describe('drawBands', () => {
  it('shades each band only over its own extent on the other axis', () => {
    const { u, ctx } = fakePlot()
    drawBands(u, [
      { axis: 'y', from: 0, to: 5, across: { from: 0, to: 100 } },
      { axis: 'y', from: 0, to: 2, across: { from: 100, to: 300 } },
    ], false)
    // x 0–100 → px 10–60, y 0–5 → px 70–120; x 100–200 (clamped) → px 60–110, y 0–2 → px 100–120.
    expect(ctx.fillRect.mock.calls).toEqual([
      [10, 70, 50, 50],
      [60, 100, 50, 20],
    ])
  })

  it('spans the whole plot area without an extent, and skips a band off the scale', () => {
    const { u, ctx } = fakePlot()
    drawBands(u, [{ axis: 'x', from: 0, to: 50 }, { axis: 'y', from: 0, to: 1, across: { from: 300, to: 400 } }], false)
    expect(ctx.fillRect.mock.calls).toEqual([[10, 20, 25, 100]])
  })
})
