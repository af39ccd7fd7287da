import { Suspense } from 'react'
import { NavLink, Outlet } from 'react-router'
import { Loader2, Moon, Sun, Telescope } from 'lucide-react'
import { cn } from '@/lib/cn'
import { useTheme } from '@/lib/theme'
import { isStaticSite } from '@/lib/staticSite'

const links = [
  { to: '/run', label: 'Run Benchmarks' },
  { to: '/jobs', label: 'Job history' },
  { to: '/runs', label: 'Runs', published: true },
  { to: '/compare', label: 'Compare' },
  { to: '/storage', label: 'Storage' },
  { to: '/notifications', label: 'Notifications' },
  { to: '/schedules', label: 'Schedules' },
  { to: '/trends', label: 'Trends', published: true },
  { to: '/regressions', label: 'Regressions', published: true },
].filter((l) => !isStaticSite || l.published)

export function Layout() {
  const [theme, toggle] = useTheme()
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-900/90">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-2">
          <NavLink to={isStaticSite ? '/runs' : '/run'} className="flex items-center gap-2 font-semibold">
            <Telescope aria-hidden className="h-5 w-5 text-blue-600 dark:text-blue-400" /> AstroBench
          </NavLink>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            {links.map((l) => (
              <NavLink
                key={l.to}
                to={l.to}
                className={({ isActive }) =>
                  cn(
                    'rounded-md px-3 py-1.5 text-sm font-medium',
                    isActive
                      ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'
                      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                  )
                }
              >
                {l.label}
              </NavLink>
            ))}
          </nav>
          <button
            type="button"
            onClick={toggle}
            className="rounded-md p-2 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
          >
            {theme === 'dark' ? <Sun aria-hidden className="h-5 w-5" /> : <Moon aria-hidden className="h-5 w-5" />}
          </button>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        <Suspense
          fallback={
            <div role="status" className="flex items-center gap-2 text-sm text-slate-600">
              <Loader2 aria-hidden className="h-4 w-4 animate-spin" /> Loading…
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </main>
    </div>
  )
}
