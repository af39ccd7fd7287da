import type uPlot from 'uplot'

/** A shaded band of a plot (uPlot canvas); kept apart from Plot.tsx so that it is testable without a browser. */
export interface PlotBand {
  axis: 'x' | 'y'
  from: number
  to: number
  /** The band's extent along the other axis (e.g. the epochs a measurement covers); the whole axis when absent. */
  across?: { from: number; to: number }
}

/** [from, to] on a scale in canvas pixels, clamped to the visible range (a band from 0 on a log axis starts at the axis minimum); null when off-scale. */
function span(u: uPlot, scale: 'x' | 'y', from: number, to: number): [number, number] | null {
  const min = u.scales[scale].min ?? from
  const max = u.scales[scale].max ?? to
  if (to <= min || from >= max) return null
  const a = u.valToPos(Math.max(from, min), scale, true)
  const b = u.valToPos(Math.min(to, max), scale, true)
  return [Math.min(a, b), Math.abs(b - a)]
}

/** Shades the bands behind the series, clipped to the plotting area; each only over its `across` extent when it has one. */
export function drawBands(u: uPlot, bands: readonly PlotBand[], dark: boolean) {
  const { left, top, width, height } = u.bbox
  const ctx = u.ctx
  ctx.save()
  ctx.fillStyle = dark ? 'rgba(56,189,248,0.18)' : 'rgba(14,165,233,0.15)'
  ctx.beginPath()
  ctx.rect(left, top, width, height)
  ctx.clip()
  for (const band of bands) {
    const other = band.axis === 'x' ? 'y' : 'x'
    const along = span(u, band.axis, band.from, band.to)
    const across: [number, number] | null = band.across ? span(u, other, band.across.from, band.across.to) : other === 'x' ? [left, width] : [top, height]
    if (!along || !across) continue
    if (band.axis === 'x') ctx.fillRect(along[0], across[0], along[1], across[1])
    else ctx.fillRect(across[0], along[0], across[1], along[1])
  }
  ctx.restore()
}
