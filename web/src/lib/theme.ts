import { useCallback, useEffect, useState } from 'react'

export type Theme = 'light' | 'dark'
const KEY = 'astrobench.theme'

export function currentTheme(): Theme {
  return document.documentElement.classList.contains('dark') ? 'dark' : 'light'
}

/** Light/dark theme on <html class="dark">, remembered in localStorage. */
export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(() => (typeof document === 'undefined' ? 'light' : currentTheme()))
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark')
    window.dispatchEvent(new CustomEvent('astrobench:theme', { detail: theme }))
  }, [theme])
  const toggle = useCallback(() => {
    setTheme((t) => {
      const next = t === 'dark' ? 'light' : 'dark'
      try {
        localStorage.setItem(KEY, next)
      } catch {
        /* private mode */
      }
      return next
    })
  }, [])
  return [theme, toggle]
}

/** Re-renders when the theme changes (plots redraw their axes in the right colours). */
export function useThemeValue(): Theme {
  const [t, setT] = useState<Theme>(() => (typeof document === 'undefined' ? 'light' : currentTheme()))
  useEffect(() => {
    const on = (e: Event) => setT((e as CustomEvent<Theme>).detail)
    window.addEventListener('astrobench:theme', on)
    return () => window.removeEventListener('astrobench:theme', on)
  }, [])
  return t
}
