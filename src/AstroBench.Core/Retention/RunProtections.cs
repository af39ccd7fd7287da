using AstroBench.Core.Baselines;

namespace AstroBench.Core.Retention;

/// <summary>What the CLI protects without a server: pinned runs and baselines (docs/retention.md, docs/ci.md).</summary>
public static class RunProtections
{
    public static IRunProtection Of(string resultsDir) =>
        new AnyProtection(new PinProtection(new RunPins(resultsDir)), new BaselineProtection(new BaselineStore(resultsDir)));
}
