import { useState } from 'react'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { PlacementFields, type Placement } from './PlacementFields'

afterEach(() => vi.unstubAllGlobals())

const slurmLab = {
  default: 'slurm',
  executors: ['local', 'slurm'],
  slurm_configured: true,
  partitions: ['debug', 'big'],
  default_partition: 'debug',
  constraints: [],
  slurm_error: null,
}

let chosen: Placement = {}
function Harness() {
  const [p, setP] = useState<Placement>({})
  chosen = p
  return <PlacementFields value={p} onChange={setP} />
}

describe('PlacementFields', () => {
  it('offers executor and partition when the lab has Slurm, and keeps what the user picked', async () => {
    mockFetch({ 'GET /api/executors': () => ({ body: slurmLab }) })
    const user = userEvent.setup()
    renderRoute('/run', '/run', <Harness />)
    const partition = await screen.findByRole('combobox', { name: 'Partition' })
    expect(screen.getByRole('combobox', { name: 'Executor' })).toHaveValue('slurm')
    await user.selectOptions(partition, 'big')
    expect(chosen).toEqual({ executor: 'slurm', partition: 'big' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Executor' }), 'local')
    expect(chosen).toEqual({ executor: 'local' })
    expect(screen.queryByRole('combobox', { name: 'Partition' })).toBeNull()
  })

  it('shows nothing on a lab without Slurm', async () => {
    const m = mockFetch({ 'GET /api/executors': () => ({ body: { ...slurmLab, default: 'local', executors: ['local'], slurm_configured: false, partitions: [], default_partition: null } }) })
    renderRoute('/run', '/run', <Harness />)
    await vi.waitFor(() => expect(m.calls.length).toBe(1))
    expect(screen.queryByRole('combobox', { name: 'Executor' })).toBeNull()
  })
})
