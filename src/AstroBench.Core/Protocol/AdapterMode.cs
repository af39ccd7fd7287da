namespace AstroBench.Core.Protocol;

public enum AdapterMode
{
    Accuracy,
    Perf,
}
