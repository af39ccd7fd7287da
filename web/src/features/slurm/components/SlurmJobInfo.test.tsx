import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFetch, renderRoute } from '@/test/utils'
import { SlurmJobInfo } from './SlurmJobInfo'

afterEach(() => vi.unstubAllGlobals())

describe('SlurmJobInfo', () => {
  const job = { status: 'running', executor: 'slurm', partition: 'debug', slurm_job_id: 41, slurm_node: 'node7', slurm_state: 'RUNNING', slurm_reason: null }

  it("shows the Slurm job id, node and Slurm's state", async () => {
    mockFetch({ 'GET /api/benchmark/jobs/0123456789ab': () => ({ body: { ...job, status: 'completed', slurm_state: 'COMPLETED' } }) })
    renderRoute('/jobs/x', '/jobs/x', <SlurmJobInfo jobId="0123456789ab" />)
    const section = await screen.findByRole('region', { name: 'Slurm' })
    expect(section).toHaveTextContent('41')
    expect(section).toHaveTextContent('node7')
    expect(section).toHaveTextContent('COMPLETED')
  })

  it('shows nothing for a local job', async () => {
    const m = mockFetch({ 'GET /api/benchmark/jobs/0123456789ab': () => ({ body: { ...job, executor: 'local', slurm_job_id: null, slurm_node: null, slurm_state: null } }) })
    renderRoute('/jobs/x', '/jobs/x', <SlurmJobInfo jobId="0123456789ab" />)
    await vi.waitFor(() => expect(m.calls.length).toBe(1))
    expect(screen.queryByRole('region', { name: 'Slurm' })).toBeNull()
  })
})
