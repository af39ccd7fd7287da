import { lazy } from 'react'
import { Link, Navigate, Route, Routes } from 'react-router'
import { Layout } from '@/components/Layout'
import { RunBenchmarksPage } from '@/features/jobs/components/RunBenchmarksPage'
import { isStaticSite } from '@/lib/staticSite'

// Each route below is its own chunk; the Run page (the landing page) ships in the main bundle.
const JobsPage = lazy(() => import('@/features/jobs/components/JobsPage').then((m) => ({ default: m.JobsPage })))
const JobDetailPage = lazy(() => import('@/features/jobs/components/JobDetailPage').then((m) => ({ default: m.JobDetailPage })))
const RunsPage = lazy(() => import('@/features/runs/components/RunsPage').then((m) => ({ default: m.RunsPage })))
const RunDashboardPage = lazy(() => import('@/features/runs/components/RunDashboardPage').then((m) => ({ default: m.RunDashboardPage })))
const PerformanceMatrixPage = lazy(() =>
  import('@/features/runs/components/PerformanceMatrixPage').then((m) => ({ default: m.PerformanceMatrixPage })),
)
const ExperimentDetailPage = lazy(() =>
  import('@/features/experiments/components/ExperimentDetailPage').then((m) => ({ default: m.ExperimentDetailPage })),
)
const StoragePage = lazy(() => import('@/features/storage/components/StoragePage').then((m) => ({ default: m.StoragePage })))
const NotificationsPage = lazy(() => import('@/features/notifications/components/NotificationsPage').then((m) => ({ default: m.NotificationsPage })))
const SchedulesPage = lazy(() => import('@/features/schedules/components/SchedulesPage').then((m) => ({ default: m.SchedulesPage })))
const ComparePage = lazy(() => import('@/features/compare/components/ComparePage').then((m) => ({ default: m.ComparePage })))
const TrendsPage = lazy(() => import('@/features/history/components/TrendsPage').then((m) => ({ default: m.TrendsPage })))
const RegressionsPage = lazy(() => import('@/features/history/components/RegressionsPage').then((m) => ({ default: m.RegressionsPage })))

function NotFound() {
  return (
    <div>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2">
        <Link className="underline" to="/run">
          Back to Run Benchmarks
        </Link>
      </p>
    </div>
  )
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to={isStaticSite ? '/runs' : '/run'} replace />} />
        <Route path="run" element={<RunBenchmarksPage />} />
        <Route path="jobs" element={<JobsPage />} />
        <Route path="jobs/:jobId" element={<JobDetailPage />} />
        <Route path="runs" element={<RunsPage />} />
        <Route path="runs/:runId" element={<RunDashboardPage />} />
        <Route path="runs/:runId/performance" element={<PerformanceMatrixPage />} />
        <Route path="runs/:runId/experiments/:experiment" element={<ExperimentDetailPage />} />
        <Route path="compare" element={<ComparePage />} />
        <Route path="storage" element={<StoragePage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="schedules" element={<SchedulesPage />} />
        <Route path="trends" element={<TrendsPage />} />
        <Route path="regressions" element={<RegressionsPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  )
}
