import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithHeldNavigation } from '@/test/utils'
import { useUrlState } from './useUrlState'

function Probe() {
  const [params, set] = useUrlState()
  return (
    <div>
      <output aria-label="state">{params.toString()}</output>
      <button onClick={() => set({ x: '1' })}>x</button>
      <button
        onClick={() => {
          set({ a: '1' })
          set({ b: '2', x: null })
        }}
      >
        two
      </button>
    </div>
  )
}

describe('useUrlState', () => {
  it('shows a change before the router commits it, then reads the URL again', async () => {
    const user = userEvent.setup()
    const { held, commit } = renderWithHeldNavigation('/p?keep=k', '/p', <Probe />)
    await user.click(screen.getByRole('button', { name: 'x' }))
    expect(screen.getByLabelText('state')).toHaveTextContent('keep=k&x=1')
    expect(held.map((h) => h.to.search)).toEqual(['?keep=k&x=1'])
    commit()
    expect(screen.getByTestId('location')).toHaveTextContent('/p?keep=k&x=1')
    expect(screen.getByLabelText('state')).toHaveTextContent('keep=k&x=1')
  })

  it('two changes in one event build on each other', async () => {
    const user = userEvent.setup()
    const { held } = renderWithHeldNavigation('/p?x=0', '/p', <Probe />)
    await user.click(screen.getByRole('button', { name: 'two' }))
    expect(screen.getByLabelText('state')).toHaveTextContent(/^a=1&b=2$/)
    expect(held.at(-1)?.to.search).toBe('?a=1&b=2')
  })

  it('a navigation that lands elsewhere (e.g. Back) wins over the change shown', async () => {
    const user = userEvent.setup()
    const { held, commit } = renderWithHeldNavigation('/p?x=0', '/p', <Probe />)
    await user.click(screen.getByRole('button', { name: 'x' }))
    expect(screen.getByLabelText('state')).toHaveTextContent('x=1')
    held.push({ to: { pathname: '/p', search: '?y=9', hash: '' }, replace: false })
    commit()
    expect(screen.getByLabelText('state')).toHaveTextContent(/^y=9$/)
  })
})
