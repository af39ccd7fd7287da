import { ProgressBar } from '@/components/ui/ProgressBar'
import type { JobProgress } from '@/lib/types'

export function progressText(p: JobProgress | null | undefined): string {
  if (!p || !p.experiments_total) return 'Waiting for the first experiment…'
  return `${p.experiments_done}/${p.experiments_total} experiments complete`
}

export function JobProgressPanel({ progress }: { progress: JobProgress | null | undefined }) {
  const text = progressText(progress)
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium" data-testid="progress-text">
          {text}
        </span>
        {progress && <span className="tabular-nums text-slate-600 dark:text-slate-400">{progress.percent.toFixed(0)} %</span>}
      </div>
      <ProgressBar percent={progress?.percent ?? 0} label={text} />
      {progress?.current_experiment && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Current: <span className="font-mono">{progress.current_experiment}</span>
          {progress.current_step && (
            <>
              {' '}
              · step <span className="font-mono">{progress.current_step}</span>
            </>
          )}
        </p>
      )}
    </div>
  )
}
