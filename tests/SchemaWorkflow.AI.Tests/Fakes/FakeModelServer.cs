using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using SchemaWorkflow.AI;

namespace SchemaWorkflow.AI.Tests.Fakes;

/// <summary>
/// An OpenAI-compatible chat completions server on the in-memory TestHost transport (no socket at all): records every
/// request, tracks concurrency, and answers from a script or a handler.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly object _gate = new();
    private int _inFlight;
    private int _maxInFlight;

    private FakeModelServer(WebApplication app) => _app = app;

    /// <summary>Answers each request; when null, the script is used.</summary>
    public Func<RecordedRequest, Task<Reply>>? Handler { get; set; }

    /// <summary>
    /// The clock that stamps <see cref="RecordedRequest.At"/>: the system clock unless a test puts the endpoint on a fake
    /// clock and wants the arrival times on that clock too.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int InFlight => Volatile.Read(ref _inFlight);

    public HttpClient Client { get; private set; } = null!;

    public static async Task<FakeModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeModelServer(app);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", (RequestDelegate)server.HandleAsync);
        await app.StartAsync();
        server.Client = app.GetTestClient();
        return server;
    }

    public void Enqueue(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary>An endpoint on this server through Azure.AI.OpenAI, with fast test resilience settings.</summary>
    public ModelEndpoint CreateEndpoint(Action<AzureOpenAIOptions>? configure = null, IMeterFactory? meterFactory = null, string name = ModelEndpoint.DefaultName, TimeProvider? timeProvider = null)
    {
        var options = CreateOptions(configure);
        return ModelEndpoint.Create(AzureOpenAIChatClientFactory.Create(options), options, name, timeProvider, meterFactory: meterFactory);
    }

    public AzureOpenAIOptions CreateOptions(Action<AzureOpenAIOptions>? configure = null)
    {
        var options = new AzureOpenAIOptions();
        ApplyDefaults(options);
        configure?.Invoke(options);
        return options;
    }

    public void ApplyDefaults(AzureOpenAIOptions options)
    {
        options.Endpoint = new Uri("http://fake-model.test/");
        options.Deployment = "gpt-test";
        options.ApiKey = "test-key";
        options.ConfigureClient = c => c.Transport = new HttpClientPipelineTransport(Client);
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(20);
        options.Resilience.MaxRetryAttempts = 3;
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Resilience.MaxDelay = TimeSpan.FromSeconds(3);
        options.Resilience.UseJitter = false;
        options.Resilience.BreakerMinimumThroughput = 1000;
    }

    private async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var inFlight = Interlocked.Increment(ref _inFlight);
        int seen;
        while (inFlight > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) != seen)
        {
        }

        var recorded = new RecordedRequest(
            context.Request.Path.Value ?? string.Empty,
            context.Request.Query.ToDictionary(static q => q.Key, static q => q.Value.ToString()),
            context.Request.Headers.ToDictionary(static h => h.Key, static h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            Clock.GetUtcNow(),
            inFlight);
        lock (_gate)
        {
            _requests.Add(recorded);
        }

        try
        {
            var reply = Handler is { } handler
                ? await handler(recorded)
                : _script.TryDequeue(out var next) ? next : Reply.Error(500, "no_script", "The test scripted no reply for this request.");
            if (reply.Hang)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    recorded.Aborted = true;
                    return;
                }
            }

            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }

            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.WriteAsync(reply.Body);
        }
        catch (OperationCanceledException)
        {
            recorded.Aborted = true;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A scripted reply.</summary>
public sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default, bool Hang = false)
{
    public static Reply Content(string content, string finishReason = "stop", TimeSpan delay = default)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["created"] = 1700000000,
            ["model"] = "gpt-test",
            ["choices"] = new object[]
            {
                new Dictionary<string, object?>
                {
                    ["index"] = 0,
                    ["message"] = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = content },
                    ["finish_reason"] = finishReason,
                },
            },
            ["usage"] = new Dictionary<string, object?> { ["prompt_tokens"] = 5, ["completion_tokens"] = 3, ["total_tokens"] = 8 },
        });
        return new Reply(200, body, Delay: delay);
    }

    public static Reply Error(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(new { error = new { code, message, status } }), headers);

    public static Reply HangForever() => new(200, string.Empty, Hang: true);
}

/// <summary>What the server received.</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At, int InFlightAtArrival)
{
    public bool Aborted { get; set; }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. Json.GetProperty("messages").EnumerateArray().Select(static m => (m.GetProperty("role").GetString()!, ContentOf(m)))];

    private static string ContentOf(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Select(static p => p.TryGetProperty("text", out var t) ? t.GetString() : string.Empty));
    }
}
