using AstroBench.Server.Events;
using AstroBench.Server.Hosting;
using AstroBench.Server.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Server.Tests.Notifications;

/// <summary>The delivery loop's outer back-off on a fake clock, against a real receiver that always fails.</summary>
public sealed class NotificationDeliveryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("astrobench-delivery-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task RoundThatGivesUp_StaysPendingWithALaterNextAttempt_ThenFailsAfterMaxRounds()
    {
        await using var receiver = await WebhookReceiver.StartAsync("k");
        receiver.Respond = _ => Task.FromResult(503);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AstroBench:Notifications:Webhook:MaxRetryAttempts"] = "1",
            ["AstroBench:Notifications:Webhook:BaseDelayMs"] = "1",
            ["AstroBench:Notifications:RoundDelaySeconds"] = "60",
            ["AstroBench:Notifications:MaxRounds"] = "2",
        }).Build();
        var paths = new ServerPaths(new AstroBenchServerOptions { Root = _root });
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config).AddSingleton(paths)
            .AddSingleton(new LabEventLog(paths));
        services.AddAstroBenchNotifications(config);
        await using var sp = services.BuildServiceProvider();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var loop = new NotificationDelivery(sp.GetRequiredService<DeliveryStore>(), sp.GetRequiredService<EndpointStore>(),
            sp.GetRequiredService<WebhookSender>(), sp.GetRequiredService<EmailSender>(), new DeliverySignal(),
            sp.GetRequiredService<IOptions<NotificationOptions>>(), clock, NullLogger<NotificationDelivery>.Instance);
        var store = sp.GetRequiredService<DeliveryStore>();
        var now = clock.GetUtcNow();
        sp.GetRequiredService<EndpointStore>().Insert(new NotificationEndpoint("0000000000aa", EndpointKinds.Webhook, "r", receiver.Url, [], "k", [],
            null, [], true, now, now));
        var queued = store.EnqueueOne("e1", "0000000000aa", LabEventTypes.DiskLow, """{"event_id":"e1","type":"disk.low","occurred_at":"x"}""", now);

        Assert.Equal(1, await loop.RunOnceAsync(CancellationToken.None));
        var afterFirst = store.Get(queued.Id)!;
        Assert.Equal((DeliveryStatus.Pending, 1, 2), (afterFirst.Status, afterFirst.Rounds, afterFirst.Attempts));
        Assert.InRange(afterFirst.NextAttemptAt, now.AddSeconds(48), now.AddSeconds(72));
        Assert.Equal(0, await loop.RunOnceAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(73));
        Assert.Equal(1, await loop.RunOnceAsync(CancellationToken.None));

        var final = store.Get(queued.Id)!;
        Assert.Equal((DeliveryStatus.Failed, 2, 4), (final.Status, final.Rounds, final.Attempts));
        Assert.Equal(503, final.LastStatusCode);
        Assert.Equal(4, receiver.Requests.Count);
        Assert.Equal([1, 2, 3, 4], store.Attempts(queued.Id).Select(a => a.Attempt));
    }
}
