import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import { Download, RotateCcw } from 'lucide-react'
import { useThemeValue } from '@/lib/theme'
import { Button } from './Button'
import { drawBands, type PlotBand } from './plotBands'

export type { PlotBand } from './plotBands'

/** Okabe–Ito palette: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000']
const DASHES: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [1, 3], [10, 4]]

export interface PlotSeries {
  label: string
  color?: string
  /** Points only for this series (markers on a line plot). */
  markers?: boolean
}

export interface PlotProps {
  title: string
  /** uPlot aligned data: [x, y1, y2, …], x ascending. null = gap. */
  data: (number | null)[][]
  series: PlotSeries[]
  xLabel: string
  yLabel: string
  xLog?: boolean
  yLog?: boolean
  /** Points only (scatter) instead of lines. */
  scatter?: boolean
  height?: number
  /** Formats x values in the legend (e.g. a date). */
  xValue?: (v: number) => string
  fileName?: string
  /** Shaded bands (e.g. the reference uncertainty) from `from` to `to` on the x or y axis, clamped to the visible scale. */
  band?: PlotBand | readonly PlotBand[]
}

const axisFmt = (v: number) =>
  v === 0 ? '0' : Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3 ? v.toExponential(2).replace(/\.?0+e/, 'e') : String(+v.toPrecision(4))
const fmt = (v: number | null | undefined) => (v == null ? '—' : Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : String(+v.toPrecision(5)))

/**
 * uPlot wrapper: canvas rendering (fast with 10⁴–10⁵ points), log axes, hover read-out in the
 * legend, drag to zoom (double-click or "Reset zoom" to undo), PNG export.
 */
export function Plot({ title, data, series, xLabel, yLabel, xLog, yLog, scatter, height = 320, xValue, fileName, band }: PlotProps) {
  const boxRef = useRef<HTMLDivElement>(null)
  const plotRef = useRef<uPlot | null>(null)
  const theme = useThemeValue()

  useEffect(() => {
    const box = boxRef.current
    if (!box) return
    const dark = theme === 'dark'
    const axisStroke = dark ? '#cbd5e1' : '#334155'
    const grid = dark ? 'rgba(148,163,184,0.15)' : 'rgba(100,116,139,0.15)'
    const axis = (label: string): uPlot.Axis => ({
      label,
      stroke: axisStroke,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
      // uPlot passes null for log-axis minor ticks it wants unlabelled.
      values: (_u, splits) => splits.map((v) => (v == null ? '' : axisFmt(v))),
      size: 60,
    })
    const opts: uPlot.Options = {
      width: Math.max(300, box.clientWidth || 600),
      height,
      cursor: { drag: { x: true, y: !!scatter, uni: scatter ? 20 : undefined }, points: { size: 8 } },
      scales: {
        x: { time: false, distr: xLog ? 3 : 1 },
        y: { distr: yLog ? 3 : 1 },
      },
      axes: [axis(xLabel), axis(yLabel)],
      legend: { live: true },
      hooks: band ? { drawClear: [(u: uPlot) => drawBands(u, 'axis' in band ? [band] : band, dark)] } : undefined,
      series: [
        { label: xLabel, value: (_u, v) => (v == null ? '—' : xValue ? xValue(v) : fmt(v)) },
        ...series.map((s, i) => {
          const color = s.color ?? PALETTE[i % PALETTE.length]
          const dots = scatter || s.markers
          return {
            label: s.label,
            stroke: color,
            width: dots ? 0 : 1.5,
            dash: dots ? undefined : DASHES[i % DASHES.length],
            spanGaps: !dots,
            paths: dots ? () => null : undefined,
            points: dots ? { show: true, size: 7, fill: color, stroke: color } : { show: false },
            value: (_u: uPlot, v: number | null) => fmt(v),
          } satisfies uPlot.Series
        }),
      ],
    }
    const u = new uPlot(opts, data as uPlot.AlignedData, box)
    plotRef.current = u
    const ro = new ResizeObserver(() => {
      const w = box.clientWidth
      if (w && Math.abs(w - u.width) > 2) u.setSize({ width: w, height })
    })
    ro.observe(box)
    return () => {
      ro.disconnect()
      u.destroy()
      plotRef.current = null
    }
  }, [data, series, xLabel, yLabel, xLog, yLog, scatter, height, theme, xValue, band])

  const exportPng = () => {
    const u = plotRef.current
    if (!u) return
    const src = u.ctx.canvas
    const titlePx = 28 * (window.devicePixelRatio || 1)
    const out = document.createElement('canvas')
    out.width = src.width
    out.height = src.height + titlePx
    const ctx = out.getContext('2d')!
    ctx.fillStyle = theme === 'dark' ? '#0f172a' : '#ffffff'
    ctx.fillRect(0, 0, out.width, out.height)
    ctx.fillStyle = theme === 'dark' ? '#f1f5f9' : '#0f172a'
    ctx.font = `${14 * (window.devicePixelRatio || 1)}px sans-serif`
    ctx.fillText(title, 8, titlePx * 0.7)
    ctx.drawImage(src, 0, titlePx)
    const a = document.createElement('a')
    a.href = out.toDataURL('image/png')
    a.download = `${fileName ?? title.replace(/[^\w.-]+/g, '_')}.png`
    a.click()
  }

  const resetZoom = () => {
    const u = plotRef.current
    if (!u) return
    u.setData(u.data, true)
  }

  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-semibold">{title}</span>
        <span className="flex gap-1">
          <Button size="sm" variant="ghost" onClick={resetZoom} title="Reset zoom (or double-click the plot)">
            <RotateCcw aria-hidden className="h-4 w-4" /> Reset zoom
          </Button>
          <Button size="sm" variant="ghost" onClick={exportPng} aria-label={`Export ${title} as PNG`}>
            <Download aria-hidden className="h-4 w-4" /> PNG
          </Button>
        </span>
      </figcaption>
      <div ref={boxRef} className="w-full" data-testid="plot" aria-label={`${title}: ${yLabel} against ${xLabel}. Drag to zoom.`} role="img" />
    </figure>
  )
}

/** Merges per-series (x, y) points into uPlot's aligned form: one sorted x array, nulls elsewhere. */
export function alignSeries(points: { x: number; y: number }[][]): (number | null)[][] {
  const xs = [...new Set(points.flatMap((s) => s.map((p) => p.x)))].sort((a, b) => a - b)
  const index = new Map(xs.map((x, i) => [x, i]))
  const ys = points.map((s) => {
    const col: (number | null)[] = new Array(xs.length).fill(null)
    for (const p of s) col[index.get(p.x)!] = p.y
    return col
  })
  return [xs, ...ys]
}
