namespace AstroBench.Core.Inputs;

/// <summary>
/// Produces an experiment's inputs: fixed edge cases first, then seeded uniform random cases, so
/// that (n, seed) always yields the same table. With n below the number of edge cases, the first
/// n edge cases are used.
/// </summary>
public interface IInputGenerator
{
    IReadOnlyList<string> Columns { get; }

    InputTable Generate(int n, long seed);
}
