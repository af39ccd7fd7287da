using System.Text.Json;
using AstroBench.Core.Retention;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Storage;

/// <summary>
/// The rules in force: those saved from the web app (the job database's <c>meta</c> table, key
/// <see cref="MetaKey"/>: one SQLite write, so a crash keeps the old rules or the new, never half) or else
/// appsettings' <c>AstroBench:Retention</c>. Saved rules replace the settings' rules whole, not field by field.
/// </summary>
internal sealed class RetentionRulesStore(JobStore store, IOptions<RetentionOptions> options)
{
    public const string MetaKey = "retention.rules";
    public const string FromSettings = "settings";
    public const string FromSaved = "saved";

    public (RetentionRules Rules, string Source) Effective()
    {
        if (store.GetMeta(MetaKey) is { Length: > 0 } json)
        {
            using var doc = JsonDocument.Parse(json);
            if (RetentionRulesJson.Parse(doc.RootElement).Rules is { } saved)
            {
                return (saved, FromSaved);
            }
        }
        return (options.Value.ToRules(), FromSettings);
    }

    public RetentionRules Rules => Effective().Rules;

    public void Save(RetentionRules rules) => store.SetMeta(MetaKey, RetentionRulesJson.Format(rules).ToJsonString());

    /// <summary>Back to appsettings' rules.</summary>
    public void Reset() => store.SetMeta(MetaKey, "");
}
