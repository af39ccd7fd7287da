import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch, qs } from '@/lib/api'
import type { CasesPage } from '@/lib/types'
import { runKeys } from '@/features/runs/api/keys'

export const getCases = (runId: string, exp: string, offset: number, limit: number) =>
  apiFetch<CasesPage>(
    `/api/runs/${encodeURIComponent(runId)}/experiments/${encodeURIComponent(exp)}/cases${qs({ offset, limit })}`,
  )

/** One page, for the case explorer table. */
export const casesQueryOptions = (runId: string, exp: string, offset: number, limit: number) =>
  queryOptions({
    queryKey: runKeys.cases(runId, exp, offset, limit),
    queryFn: () => getCases(runId, exp, offset, limit),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })

export const useCases = (runId: string, exp: string, offset: number, limit: number) =>
  useQuery(casesQueryOptions(runId, exp, offset, limit))

/** Up to `max` cases fetched page by page, for the plots (CDF, error vs epoch). */
export async function getCasesForPlots(runId: string, exp: string, max = 20_000, pageSize = 5_000): Promise<CasesPage> {
  let offset = 0
  let columns: string[] = []
  const rows: CasesPage['rows'] = []
  let total = 0
  for (;;) {
    const page = await getCases(runId, exp, offset, pageSize)
    columns = page.columns
    total = page.total
    rows.push(...page.rows)
    offset += page.rows.length
    if (page.rows.length === 0 || offset >= page.total || rows.length >= max) break
  }
  return { columns, rows, offset: 0, limit: rows.length, total }
}

export const plotCasesQueryOptions = (runId: string, exp: string) =>
  queryOptions({ queryKey: runKeys.allCases(runId, exp), queryFn: () => getCasesForPlots(runId, exp), staleTime: Infinity })

export const usePlotCases = (runId: string, exp: string, enabled: boolean) =>
  useQuery({ ...plotCasesQueryOptions(runId, exp), enabled })
