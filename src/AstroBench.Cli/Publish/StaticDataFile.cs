using System.Text;

namespace AstroBench.Cli.Publish;

/// <summary>
/// The file of the published site that holds the answer of one GET URL (docs/publish-import.md): every character but
/// <c>[A-Za-z0-9-]</c> becomes <c>_</c> and its UTF-8 bytes in hex, so the mapping is one-to-one and safe on any file
/// system. Same function as <c>staticDataFile</c> in web/src/lib/staticSite.ts; both are tested on the same examples.
/// </summary>
internal static class StaticDataFile
{
    public static string Of(string url)
    {
        var name = new StringBuilder("data/");
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == '-'))
            {
                name.Append((char)rune.Value);
                continue;
            }
            var n = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..n])
            {
                name.Append('_').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return name.Append(".js").ToString();
    }
}
