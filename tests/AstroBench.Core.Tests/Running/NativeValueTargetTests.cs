using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>Shorter values for C (docs/engine.md, "Shorter values for C").</summary>
public sealed class NativeValueTargetTests
{
    [Theory]
    [InlineData("c", 3)]
    [InlineData("c++", 3)]
    [InlineData("csharp", 20)]
    [InlineData("python", 20)]
    [InlineData("javascript", 20)]
    [InlineData("sh", 20)]
    public void TheDefaultValueTarget_IsShorterForNativeCodeOnly(string language, int ms) =>
        Assert.Equal(TimeSpan.FromMilliseconds(ms), RoundsPolicy.ValueTargetFor(language, RoundsPolicy.ValueTarget));

    [Fact]
    public void AnotherTarget_IsKeptAsGiven() =>
        Assert.Equal(TimeSpan.FromMilliseconds(50), RoundsPolicy.ValueTargetFor("c", TimeSpan.FromMilliseconds(50)));
}
