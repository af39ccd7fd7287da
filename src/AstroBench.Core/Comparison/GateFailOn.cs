namespace AstroBench.Core.Comparison;

/// <summary><c>--fail-on</c>: what makes the gate exit 1.</summary>
public enum GateFailOn
{
    /// <summary>Any accuracy or performance regression.</summary>
    Regression,

    /// <summary>Any change at all: regressions, improvements, results that appeared or vanished.</summary>
    AnyChange,
}
