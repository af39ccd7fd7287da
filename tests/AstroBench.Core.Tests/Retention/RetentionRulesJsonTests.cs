using System.Text.Json;
using AstroBench.Core.Retention;

namespace AstroBench.Core.Tests.Retention;

public sealed class RetentionRulesJsonTests
{
    private static (RetentionRules? Rules, IReadOnlyDictionary<string, string[]> Errors) Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return RetentionRulesJson.Parse(doc.RootElement);
    }

    [Fact]
    public void Parse_RoundTripsFormat()
    {
        var rules = new RetentionRules(20, 30.5, 2048, true, "/srv/archive", 14, 90);

        var (parsed, errors) = Parse(RetentionRulesJson.Format(rules).ToJsonString());

        Assert.Empty(errors);
        Assert.Equal(rules, parsed);
    }

    [Fact]
    public void Parse_NullsAndAbsentFields_MeanNoLimit()
    {
        var (parsed, errors) = Parse("""{"keep_last":null}""");

        Assert.Empty(errors);
        Assert.Equal(RetentionRules.None, parsed);
    }

    [Theory]
    [InlineData("""{"keep_last":0}""", "keep_last")]
    [InlineData("""{"keep_last":-3}""", "keep_last")]
    [InlineData("""{"keep_last":2.5}""", "keep_last")]
    [InlineData("""{"keep_last":"10"}""", "keep_last")]
    [InlineData("""{"keep_last":99999999999}""", "keep_last")]
    [InlineData("""{"max_age_days":0}""", "max_age_days")]
    [InlineData("""{"max_age_days":"NaN"}""", "max_age_days")]
    [InlineData("""{"max_age_days":1e400}""", "max_age_days")]
    [InlineData("""{"max_total_mb":-1}""", "max_total_mb")]
    [InlineData("""{"max_total_mb":1e30}""", "max_total_mb")]
    [InlineData("""{"max_total_mb":9007199254740993}""", "max_total_mb")]
    [InlineData("""{"logs_max_age_days":-1}""", "logs_max_age_days")]
    [InlineData("""{"jobs_max_age_days":40000}""", "jobs_max_age_days")]
    [InlineData("""{"archive":"yes"}""", "archive")]
    [InlineData("""{"archive_dir":"  "}""", "archive_dir")]
    [InlineData("""{"keepLast":5}""", "keepLast")]
    public void Parse_BadValue_IsAnErrorOnItsField(string json, string field)
    {
        var (parsed, errors) = Parse(json);

        Assert.Null(parsed);
        Assert.Equal(field, Assert.Single(errors).Key);
        Assert.Contains(field, Assert.Single(errors[field]), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBadFields_ReportsEach()
    {
        var (_, errors) = Parse("""{"keep_last":0,"max_total_mb":"big","colour":"red"}""");

        Assert.Equal(["colour", "keep_last", "max_total_mb"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_NotAnObject_IsOneError() => Assert.Single(Parse("[1,2]").Errors);
}
