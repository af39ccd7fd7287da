using AstroBench.Core.Orchestration;
using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Orchestration;

public sealed class ProgressLinesTests
{
    /// <summary>Every line of every code block of docs/progress.md.</summary>
    public static TheoryData<string> DocumentedLines()
    {
        var data = new TheoryData<string>();
        foreach (var (_, lines) in Docs.CodeBlocks("progress.md"))
        {
            foreach (var line in lines.Where(l => l.Length > 0))
            {
                data.Add(line);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedLines))]
    public void EveryDocumentedLine_ParsesAndFormatsBackToItself(string line)
    {
        var parsed = ProgressLines.TryParse(line);

        if (line.StartsWith('['))
        {
            Assert.NotNull(parsed);
            Assert.Equal(line, ProgressLines.Format(parsed));
        }
        else
        {
            Assert.Null(parsed); // free text, e.g. a perf round
        }
    }

    [Fact]
    public void TheDocumentedExample_HasEveryKindOfLine_AndEveryStep()
    {
        var parsed = Docs.CodeBlocks("progress.md").SelectMany(b => b.Lines).Select(ProgressLines.TryParse).OfType<ProgressLine>().ToList();

        Assert.Contains(parsed, l => l is RunStartLine);
        Assert.Contains(parsed, l => l is ExperimentDoneLine { Ok: true });
        Assert.Contains(parsed, l => l is ExperimentDoneLine { Ok: false });
        Assert.Contains(parsed, l => l is RunFinishLine { Status: RunStatus.Completed, RunId: not null });
        Assert.Contains(parsed, l => l is RunFinishLine { Status: RunStatus.Failed, RunId: null });
        Assert.Contains(parsed, l => l is RunFinishLine { Status: RunStatus.Cancelled });
        Assert.Contains(parsed, l => l is RunFinishLine { Status: RunStatus.Paused, RunId: null });
        Assert.Equal(RunSteps.All.Order(), parsed.OfType<StepLine>().Select(s => s.Step).Distinct().Order());
    }

    public static TheoryData<ProgressLine> Lines() => new()
    {
        new RunStartLine("2026-11-29_01-02-03", 7, ["erfa", "libnova"], 1_000_000, 2_147_483_647, "starting 7 experiments"),
        new RunStartLine("2026-11-29_01-02-03-2", 0, [], 1, 0, ""),
        new StepLine("gmst_era", RunSteps.Perf, 4, 6, "erfa median 0.5 ns/op, CV 3.3 % | with a bar"),
        new ExperimentDoneLine("gmst_era", false, 2, 7, "gmst_era failed: crash non_zero_exit: exit code 3"),
        new RunFinishLine(RunStatus.Cancelled, null, 0, 7, "cancelled"),
        new RunFinishLine(RunStatus.Paused, null, 3, 7, "paused before kepler_solver: checkpoint /abs/results/.staging/2026-11-29_01-02-03"),
        new RunFinishLine(RunStatus.Completed, "2026-11-29_01-02-03", 7, 7, "results in /abs/results/2026-11-29_01-02-03"),
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void FormatThenParse_GivesTheSameLine_UnderDeDe(ProgressLine line)
    {
        using var _ = new CultureScope("de-DE");

        var text = ProgressLines.Format(line);

        Assert.Equal(line, ProgressLines.TryParse(text));
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public void Format_WritesTheDocumentedShape()
    {
        Assert.Equal("[RUN] finish status=failed run_id=- experiments_done=1 experiments_total=2 | why",
            ProgressLines.Format(new RunFinishLine(RunStatus.Failed, null, 1, 2, "why")));
        Assert.Equal("[PROGRESS] experiment=gmst_era step=inputs current=1 total=6 | two lines",
            ProgressLines.Format(new StepLine("gmst_era", RunSteps.Inputs, 1, 6, "two\nlines")));
    }

    [Theory]
    [InlineData("free text")]
    [InlineData("  gmst_era erfa round 1/3: 87.094 ns/op")]
    [InlineData("[RUN]")]
    [InlineData("[RUN] resume run_id=x | unknown verb")]
    [InlineData("[RUN] finish status=sleeping run_id=- experiments_done=1 experiments_total=2 | ?")]
    [InlineData("[RUN] experiment_done experiment=x status=ok experiments_done=one experiments_total=2 | ?")]
    [InlineData("[PROGRESS] experiment=gmst_era step=perf current=4 | no total")]
    [InlineData("[INFO] something | else")]
    [InlineData("error: gmst_era failed")]
    public void UntaggedOrIncompleteLines_AreNotProgress(string line) => Assert.Null(ProgressLines.TryParse(line));

    [Fact]
    public void UnknownKeys_AreIgnored()
    {
        var line = ProgressLines.TryParse("[PROGRESS] experiment=e step=write eta=3s current=6 total=6 | done");

        Assert.Equal(new StepLine("e", RunSteps.Write, 6, 6, "done"), line);
    }

    [Fact]
    public void AValueWithASpace_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ProgressLines.Format(new StepLine("gmst era", RunSteps.Inputs, 1, 2, "")));

    [Theory]
    [InlineData(3, false, 8)]
    [InlineData(3, true, 5)]
    [InlineData(1, false, 4)]
    public void StepCount_IsInputsPlusOnePerLibraryPerPhasePlusWrite(int libraries, bool noPerf, int expected) =>
        Assert.Equal(expected, RunSteps.Count(libraries, noPerf));
}
