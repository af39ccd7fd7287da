namespace AstroBench.Core.Orchestration;

/// <summary>
/// The closed set of <c>step=</c> values of a <see cref="StepLine"/>, in the order an experiment runs them:
/// one <see cref="Inputs"/>, one <see cref="Accuracy"/> per library, one <see cref="Perf"/> per library
/// (unless <c>--no-perf</c>), one <see cref="Write"/>.
/// </summary>
public static class RunSteps
{
    public const string Inputs = "inputs";
    public const string Accuracy = "accuracy";
    public const string Perf = "perf";
    public const string Write = "write";

    public static IReadOnlyList<string> All { get; } = [Inputs, Accuracy, Perf, Write];

    /// <summary>How many steps an experiment has (the <c>total=</c> of its lines).</summary>
    public static int Count(int libraries, bool noPerf) => 2 + libraries * (noPerf ? 1 : 2);
}
