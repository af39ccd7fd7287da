using System.Globalization;

namespace AstroBench.Server.Tests;

/// <summary>Runs a block under another current culture (e.g. de-DE, whose decimal separator is a comma).</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    public CultureScope(string name) => CultureInfo.CurrentCulture = new CultureInfo(name);

    public void Dispose() => CultureInfo.CurrentCulture = _culture;
}
