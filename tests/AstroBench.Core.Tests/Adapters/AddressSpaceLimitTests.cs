using System.Diagnostics;
using AstroBench.Core.Adapters;

namespace AstroBench.Core.Tests.Adapters;

/// <summary>How an adapter is started under RLIMIT_AS per runtime (docs/limits.md), and how its out-of-memory exit is told.</summary>
public sealed class AddressSpaceLimitTests
{
    private static readonly AddressSpaceLimit Limit = new(256);

    [Fact]
    public void Apply_StartsTheAdapterThroughPrlimit_WithTheLimitInBytes()
    {
        var argv = Limit.Apply("c", ["build/erfa_adapter", "-x"], new ProcessStartInfo());
        Assert.EndsWith("/prlimit", argv[0], StringComparison.Ordinal);
        Assert.Equal(["--as=268435456", "--", "build/erfa_adapter", "-x"], argv.Skip(1));
    }

    [Fact]
    public void Dotnet_GetsAGcRegionRangeAndHeapLimitOfAQuarter_AndOneMallocArena()
    {
        var psi = new ProcessStartInfo();
        var argv = Limit.Apply("csharp", ["build/erfa-dotnet-adapter"], psi);
        Assert.Equal("--as=268435456", argv[1]);
        Assert.Equal("4000000", psi.Environment["DOTNET_GCRegionRange"]); // 64 MiB, hexadecimal
        Assert.Equal("4000000", psi.Environment["DOTNET_GCHeapHardLimit"]);
        Assert.Equal("1", psi.Environment["MALLOC_ARENA_MAX"]);
    }

    [Fact]
    public void Node_GetsV8sReservationsOnTop_AndItsOldSpaceCappedAtTheLimit()
    {
        var psi = new ProcessStartInfo();
        psi.Environment["NODE_OPTIONS"] = "--no-warnings";
        var argv = Limit.Apply("javascript", ["node", "adapter.mjs"], psi);
        Assert.Equal($"--as={(256L + AddressSpaceLimit.V8Reservations) * 1024 * 1024}", argv[1]);
        Assert.Equal("--no-warnings --max-old-space-size=256", psi.Environment["NODE_OPTIONS"]);
    }

    [Theory]
    [InlineData("Traceback (most recent call last):\n  File \"<string>\", line 1\nMemoryError\n", true)]
    [InlineData("<--- JS stacktrace --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n", true)]
    [InlineData("Unhandled exception. System.OutOfMemoryException: Insufficient memory to continue the execution of the program.", true)]
    [InlineData("Failed to create CoreCLR, HRESULT: 0x8007000E", true)]
    [InlineData("erfa_adapter: cannot allocate memory for 100000 rows", true)]
    [InlineData("segmentation fault", false)]
    [InlineData("", false)]
    public void LooksOutOfMemory_KnowsTheRuntimesMessages(string stderr, bool expected) =>
        Assert.Equal(expected, AddressSpaceLimit.LooksOutOfMemory(stderr));
}
