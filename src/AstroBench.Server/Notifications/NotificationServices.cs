using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace AstroBench.Server.Notifications;

/// <summary>DI for notifications: stores, the two loops, the webhook client with its retry pipeline, the email sender.</summary>
internal static class NotificationServices
{
    public static IServiceCollection AddAstroBenchNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NotificationDb>();
        services.AddSingleton<EndpointStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<PublicBaseUrl>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<NotificationFanOut>();
        services.AddSingleton<NotificationDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationFanOut>());
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDelivery>());
        services.AddTransient<AttemptRecorder>();
        // Registration order is nesting order: the resilience handler wraps the recorder, so each retry is one logged attempt.
        var client = services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        client.AddResilienceHandler("webhook", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value.Webhook;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, o.MaxRetryAttempts),
                    Delay = TimeSpan.FromMilliseconds(Math.Max(1, o.BaseDelayMs)),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    MaxDelay = TimeSpan.FromMinutes(1),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(Math.Max(0.1, o.TimeoutSeconds)));
            });
        client.AddHttpMessageHandler<AttemptRecorder>();
        return services;
    }
}
