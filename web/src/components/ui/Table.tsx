import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from 'react'
import { cn } from '@/lib/cn'

export function Table({ children, caption, className }: { children: ReactNode; caption?: string; className?: string }) {
  return (
    <div className={cn('overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800', className)}>
      <table className="w-full border-collapse text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  )
}

export function Th({ className, ...p }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn('whitespace-nowrap border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300', className)}
      {...p}
    />
  )
}

export function Td({ className, ...p }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('border-b border-slate-100 px-3 py-1.5 align-top dark:border-slate-800/60', className)} {...p} />
}
