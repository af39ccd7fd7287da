using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AstroBench.Server.Hosting;
using AstroBench.Server.Scheduling;

namespace AstroBench.Cli.Commands;

/// <summary>Where <c>astrobench schedules</c> acts: a running server over HTTP, or a lab root's SQLite file directly.</summary>
internal sealed class ScheduleTarget : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly HttpClient? _http;
    private readonly ScheduleStore? _store;

    private ScheduleTarget(HttpClient? http, ScheduleStore? store) => (_http, _store) = (http, store);

    public static ScheduleTarget Http(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--server '{url}' is not an http(s) URL");
        }
        var http = new HttpClient { BaseAddress = uri };
        if (Environment.GetEnvironmentVariable("ASTROBENCH_TOKEN") is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return new ScheduleTarget(http, null);
    }

    public static ScheduleTarget Lab(string root) => Directory.Exists(root)
        ? new ScheduleTarget(null, new ScheduleStore(new ServerPaths(new AstroBenchServerOptions { Root = root })))
        : throw new CliException($"lab root '{root}' does not exist");

    public async Task<List<ScheduleDto>> ListAsync(CancellationToken ct) =>
        _store is not null ? [.. _store.List().Select(ScheduleDto.From)]
        : (await ReadAsync<List<ScheduleDto>>(await SendAsync(c => c.GetAsync("/api/schedules", ct)), ct))!;

    public async Task<ScheduleDto> AddAsync(ScheduleRequest request, CancellationToken ct)
    {
        if (_store is null)
        {
            return (await ReadAsync<ScheduleDto>(await SendAsync(c => c.PostAsJsonAsync("/api/schedules", request, Json, ct)), ct))!;
        }
        var (row, errors) = ScheduleValidator.Validate(request, DateTimeOffset.UtcNow);
        if (row is null)
        {
            throw new CliException(string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        _store.Insert(row);
        return ScheduleDto.From(row);
    }

    public async Task RemoveAsync(string id, CancellationToken ct)
    {
        if (!ScheduleEndpoints.IsId(id))
        {
            throw new CliException($"'{id}' is not a schedule id (12 hex digits)");
        }
        if (_store is not null ? !_store.Delete(id) : (await SendAsync(c => c.DeleteAsync($"/api/schedules/{id}", ct))).StatusCode == HttpStatusCode.NotFound)
        {
            throw new CliException($"no schedule {id}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send(_http!);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach the server at {_http!.BaseAddress}: {ex.Message}");
        }
    }

    /// <summary>The body of a success; otherwise the server's ProblemDetails <c>detail</c> as the one error line.</summary>
    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync<T>(Json, ct);
            }
            var text = await response.Content.ReadAsStringAsync(ct);
            string? detail = null;
            try
            {
                detail = JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            }
            catch (JsonException)
            {
                // Not a ProblemDetails: the status line below says enough.
            }
            throw new CliException(detail ?? $"server answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    public void Dispose() => _http?.Dispose();
}
