using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

public sealed class RunStatusNamesTests
{
    [Theory]
    [InlineData(RunStatus.Completed, "completed")]
    [InlineData(RunStatus.Failed, "failed")]
    [InlineData(RunStatus.Cancelled, "cancelled")]
    [InlineData(RunStatus.Paused, "paused")]
    public void EveryStatus_HasOneWireName_ThatParsesBack(RunStatus status, string wire)
    {
        Assert.Equal(wire, status.ToWire());
        Assert.True(RunStatusNames.TryParse(wire, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void EveryEnumValue_IsCovered() =>
        Assert.All(Enum.GetValues<RunStatus>(), s => Assert.True(RunStatusNames.TryParse(s.ToWire(), out _)));

    [Theory]
    [InlineData(null)]
    [InlineData("Completed")]
    [InlineData("ok")]
    public void UnknownNames_DoNotParse(string? wire) => Assert.False(RunStatusNames.TryParse(wire, out _));
}
