// Number, unit and time formatting. Always explicit about units.

export function fmtNum(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined) return '—'
  if (Number.isNaN(v)) return 'NaN'
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞'
  if (v === 0) return '0'
  const a = Math.abs(v)
  if (a >= 1e6 || a < 1e-3) return v.toExponential(Math.max(0, digits - 1))
  return Number(v.toPrecision(digits)).toString()
}

export function fmtWithUnit(v: number | null | undefined, unit: string | null | undefined, digits = 3) {
  const s = fmtNum(v, digits)
  return s === '—' || !unit ? s : `${s} ${unit}`
}

export function fmtNs(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  if (v >= 1e9) return `${(v / 1e9).toPrecision(3)} s`
  if (v >= 1e6) return `${(v / 1e6).toPrecision(3)} ms`
  if (v >= 1e3) return `${(v / 1e3).toPrecision(3)} µs`
  return `${v.toPrecision(3)} ns`
}

export function fmtSpeedup(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  return `${v >= 10 ? v.toFixed(0) : v.toFixed(2)}×`
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}

export function fmtDuration(startIso: string | null | undefined, endIso: string | null | undefined, now = Date.now()): string {
  if (!startIso) return '—'
  const start = new Date(startIso).getTime()
  const end = endIso ? new Date(endIso).getTime() : now
  if (!Number.isFinite(start) || !Number.isFinite(end)) return '—'
  return fmtSeconds(Math.max(0, (end - start) / 1000))
}

export function fmtSeconds(s: number): string {
  if (s < 1) return `${Math.round(s * 1000)} ms`
  if (s < 60) return `${s.toFixed(1)} s`
  const m = Math.floor(s / 60)
  const rest = Math.round(s % 60)
  if (m < 60) return `${m} min ${rest} s`
  return `${Math.floor(m / 60)} h ${m % 60} min`
}

/** Run ids are UTC timestamps: 2026-11-29_01-02-03[-2]. */
export function runIdToDate(id: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:_(\d{2})-(\d{2})-(\d{2}))?/.exec(id)
  if (!m) return null
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)))
}
