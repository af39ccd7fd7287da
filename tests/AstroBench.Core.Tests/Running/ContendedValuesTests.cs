using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>The values of a protocol 7 round judged by the probe chunks beside them (docs/engine.md, "Contended values").</summary>
public sealed class ContendedValuesTests
{
    // ns of one chunk of ContendedValues.ProbeOps ops at 20 and 30 ns/op.
    private const long Quiet = 20 * ContendedValues.ProbeOps;
    private const long Contended = 30 * ContendedValues.ProbeOps;

    [Fact]
    public void AValue_IsContended_WhenTheChunkBeforeOrAfterItIs()
    {
        // The docs' example: chunks quiet, quiet, contended, quiet → value 1 stands, values 2 and 3 touch the slow chunk.
        Assert.Equal([false, true, true], ContendedValues.Judge(QuietGates.New(), [Quiet, Quiet, Contended, Quiet], 3));
        Assert.Equal([true, false, false], ContendedValues.Judge(QuietGates.New(), [Contended, Quiet, Quiet, Quiet], 3));
        Assert.Equal([false, false, false], ContendedValues.Judge(QuietGates.New(), [Quiet, Quiet, Quiet, Quiet], 3));
    }

    [Fact]
    public void ChunksWithinTheThreshold_AreQuiet()
    {
        var within = (long)(Quiet * (1 + (ContentionGate.ThresholdPercent - 1) / 100));
        var above = (long)(Quiet * (1 + (ContentionGate.ThresholdPercent + 1) / 100));

        Assert.Equal([false], ContendedValues.Judge(QuietGates.New(), [within, Quiet], 1));
        Assert.Equal([true], ContendedValues.Judge(QuietGates.New(), [above, Quiet], 1));
    }

    [Fact]
    public void BeforeTheGateHasALevel_NoValueIsContended_AndTheChunksJoinIt()
    {
        var gate = new ContentionGate();

        Assert.Equal([false, false, false], ContendedValues.Judge(gate, [Quiet, Contended, Contended, Quiet], 3));
        Assert.Null(gate.Level);
        ContendedValues.Judge(gate, [Quiet, Quiet, Quiet, Quiet], 3);
        Assert.Equal(20.0, gate.Level);
    }

    [Fact]
    public void ChunksThatDoNotMatchTheValues_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ContendedValues.Judge(QuietGates.New(), [Quiet, Quiet], 3));
        Assert.Contains("2 probe chunks for 3 values", error.Message, StringComparison.Ordinal);
    }
}
