using System.Text.Json.Nodes;
using AstroBench.Server.Events;
using AstroBench.Server.Hosting;
using AstroBench.Server.Notifications;
using Microsoft.Extensions.Logging.Abstractions;

namespace AstroBench.Server.Tests.Notifications;

/// <summary>The fan-out over real SQLite files: which endpoints an event goes to, and exactly once.</summary>
public sealed class NotificationFanOutTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("astrobench-fanout-").FullName;
    private readonly ServerPaths _paths;
    private readonly LabEventLog _events;
    private readonly NotificationDb _db;
    private readonly EndpointStore _endpoints;
    private readonly DeliveryStore _deliveries;
    private int _next;

    public NotificationFanOutTests()
    {
        _paths = new ServerPaths(new AstroBenchServerOptions { Root = _root });
        _events = new LabEventLog(_paths);
        _db = new NotificationDb(_paths, _events);
        _endpoints = new EndpointStore(_db);
        _deliveries = new DeliveryStore(_db);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void EndpointForJobFailedOnly_GetsNoJobCompleted()
    {
        var failedOnly = Endpoint(eventTypes: [LabEventTypes.JobFailed]);
        var all = Endpoint();
        Job(LabEventTypes.JobCompleted, "");
        Job(LabEventTypes.JobFailed, "");

        FanOut().RunOnce();

        Assert.Equal([LabEventTypes.JobFailed], Types(failedOnly));
        Assert.Equal([LabEventTypes.JobFailed, LabEventTypes.JobCompleted], Types(all));
    }

    [Fact]
    public void TagsFilter_MatchesHashTagsInTheNotes()
    {
        var nightly = Endpoint(tags: ["nightly"]);
        var tagged = Job(LabEventTypes.JobCompleted, "scheduled run #Nightly #erfa");
        Job(LabEventTypes.JobCompleted, "#nightlyx and nightly without a hash");
        Job(LabEventTypes.JobCompleted, "");
        var disk = _events.Append(LabEventTypes.DiskLow, null, null, []);

        FanOut().RunOnce();

        Assert.Equal([disk, tagged], _deliveries.ForEndpoint(nightly, 50, 0).Items.Select(d => d.EventId));
    }

    [Fact]
    public void NotesFilter_IsACaseInsensitiveSubstring()
    {
        var endpoint = Endpoint(notesContains: "Release");
        var release = Job(LabEventTypes.JobCompleted, "before the release of 2.0");
        Job(LabEventTypes.JobCompleted, "routine");

        FanOut().RunOnce();

        Assert.Equal([release], _deliveries.ForEndpoint(endpoint, 50, 0).Items.Select(d => d.EventId));
    }

    [Fact]
    public void Restart_NeitherRepeatsNorLosesAFanOut()
    {
        var endpoint = Endpoint();
        Job(LabEventTypes.JobCompleted, "");
        Assert.Equal(1, FanOut().RunOnce());

        var restarted = FanOut();
        Assert.Equal(0, restarted.RunOnce());
        Job(LabEventTypes.JobFailed, "");
        Assert.Equal(1, restarted.RunOnce());

        Assert.Equal([LabEventTypes.JobFailed, LabEventTypes.JobCompleted], Types(endpoint));
    }

    [Fact]
    public void DisabledEndpoint_AndEventsBeforeAnEndpointExisted_AreNotFannedOut()
    {
        var early = Job(LabEventTypes.JobCompleted, "");
        var disabled = Endpoint(enabled: false);
        var enabled = Endpoint();
        Job(LabEventTypes.JobFailed, "");

        FanOut().RunOnce();

        Assert.Empty(Types(disabled));
        Assert.Equal([LabEventTypes.JobFailed], Types(enabled));
        Assert.DoesNotContain(early, _deliveries.ForEndpoint(enabled, 50, 0).Items.Select(d => d.EventId));
    }

    private NotificationFanOut FanOut() => new(_db, _events, new DeliverySignal(), TimeProvider.System, NullLogger<NotificationFanOut>.Instance);

    private string[] Types(string endpoint) => _deliveries.ForEndpoint(endpoint, 50, 0).Items.Select(d => d.EventType).ToArray();

    private string Job(string type, string notes)
    {
        var id = (++_next).ToString("x12", System.Globalization.CultureInfo.InvariantCulture);
        return _events.Append(type, id, null, NotifyLab.JobPayload(id, type["job.".Length..], null, notes));
    }

    private string Endpoint(string[]? eventTypes = null, string[]? tags = null, string? notesContains = null, bool enabled = true)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var now = DateTimeOffset.UtcNow;
        _endpoints.Insert(new NotificationEndpoint(id, EndpointKinds.Webhook, "t", "http://127.0.0.1:9/hook", [], null, eventTypes ?? [],
            notesContains, tags ?? [], enabled, now, now));
        return id;
    }
}
