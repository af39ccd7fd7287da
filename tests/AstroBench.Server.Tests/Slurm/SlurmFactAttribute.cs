namespace AstroBench.Server.Tests.Slurm;

/// <summary>
/// A test against the real one-node Slurm cluster (scripts/slurm-up.sh; scripts/test.sh always starts it). It is skipped only
/// when <c>ASTROBENCH_SLURM=off</c> and not in CI: under <c>CI=true</c> a cluster that does not answer fails the test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("ASTROBENCH_SLURM") == "off" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "ASTROBENCH_SLURM=off: no Slurm cluster here (scripts/slurm-up.sh starts one)";
        }
    }
}
