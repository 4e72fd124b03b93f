using System.Collections.Concurrent;
using System.Diagnostics;
using SchemaWorkflow.AI.Tests.Fakes;

namespace SchemaWorkflow.AI.Tests;

public sealed class TelemetryTests : IAsyncLifetime
{
    private FakeModelServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeModelServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GenAI_spans_carry_prompts_and_answers_only_when_the_host_opts_in(bool logSensitiveData)
    {
        var deployment = "gpt-telemetry-" + Guid.NewGuid().ToString("N")[..8];
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "SchemaWorkflow.AI",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.Tags.Any(t => t.Value == deployment))
                {
                    spans.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        _server.Enqueue(Reply.Content(Answers.GoodSchema));
        using var endpoint = _server.CreateEndpoint(o =>
        {
            o.Deployment = deployment;
            o.LogSensitiveData = logSensitiveData;
        });

        await new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request());

        var span = Assert.Single(spans);
        var recorded = string.Join("\n", span.Tags.Select(t => t.Value).Concat(span.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString()))));
        Assert.Equal(logSensitiveData, recorded.Contains("untrusted_data", StringComparison.Ordinal));
        Assert.Equal(logSensitiveData, recorded.Contains("IEC 60770-1", StringComparison.Ordinal));
    }
}
