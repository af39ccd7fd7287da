using System.Text.RegularExpressions;

namespace AstroBench.Core.Adapters;

/// <summary>The one pattern for adapter and experiment ids; anything else never touches a path.</summary>
public static partial class AdapterNames
{
    [GeneratedRegex("^[a-z][a-z0-9_-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);
}
