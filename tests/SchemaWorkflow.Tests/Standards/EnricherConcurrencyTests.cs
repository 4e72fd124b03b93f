using Microsoft.Extensions.Time.Testing;
using SchemaWorkflow.Standards;
using static SchemaWorkflow.Tests.Standards.StandardsTestSupport;

namespace SchemaWorkflow.Tests.Standards;

public class EnricherConcurrencyTests
{
    [Theory]
    [InlineData(ExecutionStrategyKind.Async)]
    [InlineData(ExecutionStrategyKind.Parallel)]
    [InlineData(ExecutionStrategyKind.Sequential)]
    public async Task A_throwing_group_and_a_hanging_group_are_reported_while_the_others_complete(ExecutionStrategyKind strategy)
    {
        var time = new FakeTimeProvider();
        var retriever = new ScriptedRetriever(StandardsKnowledgeBase.Embedded);
        retriever.Throwing.Add(FieldGroups.Electrical);
        retriever.Hanging.Add(FieldGroups.Compliance);
        var enricher = new StandardsSchemaEnricher(StandardsKnowledgeBase.Embedded, retriever);
        var schema = TemperatureTransmitter();

        var running = enricher.EnrichAsync(schema, Context(strategy, time, TimeSpan.FromSeconds(5))).AsTask();
        await retriever.HangEntered.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(running.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(30));

        var electrical = outcome.Report.Groups.Single(static g => g.Group == FieldGroups.Electrical);
        Assert.Contains("failed on purpose", electrical.Error, StringComparison.Ordinal);
        var compliance = outcome.Report.Groups.Single(static g => g.Group == FieldGroups.Compliance);
        Assert.Contains("timed out", compliance.Error, StringComparison.Ordinal);
        Assert.Equal(2, outcome.Report.FailedGroups.Count());

        // Failed groups are left exactly as generated; the others are enriched.
        Assert.Same(schema.Groups.Single(static g => g.Key == FieldGroups.Electrical), outcome.Schema.Groups.Single(static g => g.Key == FieldGroups.Electrical));
        Assert.Same(schema.Groups.Single(static g => g.Key == FieldGroups.Compliance), outcome.Schema.Groups.Single(static g => g.Key == FieldGroups.Compliance));
        Assert.NotEmpty(outcome.Schema.Field("ingress_protection").Values);
        Assert.NotEmpty(outcome.Schema.Field("sensor_input_type").Values);
        Assert.All(outcome.Report.Groups.Where(static g => g.Error is null && g.Group != FieldGroups.Identification), static g => Assert.True(g.FieldsPopulated > 0, g.Group));

        // Fields of failed groups supply no applicable standard.
        Assert.DoesNotContain(outcome.Schema.Standards, static s => s.Fields.Contains("failure_signal") || s.Fields.Contains("functional_safety"));
    }

    [Fact]
    public async Task A_group_that_ignores_cancellation_is_still_abandoned_at_its_timeout()
    {
        var retriever = new ScriptedRetriever(StandardsKnowledgeBase.Embedded);
        retriever.Stuck.Add(FieldGroups.Mechanical);
        var enricher = new StandardsSchemaEnricher(StandardsKnowledgeBase.Embedded, retriever);

        var outcome = await enricher.EnrichAsync(TemperatureTransmitter(), Context(groupTimeout: TimeSpan.FromMilliseconds(50))).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        var mechanical = outcome.Report.Groups.Single(static g => g.Group == FieldGroups.Mechanical);
        Assert.Contains("timed out after 50 ms", mechanical.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Report.FailedGroups);
    }

    [Fact]
    public async Task Groups_run_concurrently_up_to_the_limit()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var retriever = new ScriptedRetriever(StandardsKnowledgeBase.Embedded) { Gate = gate.Task };
        var enricher = new StandardsSchemaEnricher(StandardsKnowledgeBase.Embedded, retriever);
        var schema = TemperatureTransmitter();
        Assert.Equal(7, schema.Groups.Count);

        var running = enricher.EnrichAsync(schema, Context(ExecutionStrategyKind.Async, maxConcurrency: 3)).AsTask();
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (retriever.InFlight < 3)
            {
                await Task.Delay(1, cts.Token);
            }
        }

        Assert.Equal(3, retriever.InFlight);
        gate.SetResult();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, retriever.MaxInFlight);
        Assert.Empty(outcome.Report.FailedGroups);
    }

    [Fact]
    public async Task Sequential_strategy_runs_one_group_at_a_time()
    {
        var retriever = new ScriptedRetriever(StandardsKnowledgeBase.Embedded);
        var enricher = new StandardsSchemaEnricher(StandardsKnowledgeBase.Embedded, retriever);

        await enricher.EnrichAsync(TemperatureTransmitter(), Context(ExecutionStrategyKind.Sequential));

        Assert.Equal(1, retriever.MaxInFlight);
    }

    [Fact]
    public async Task Cancelling_the_whole_enrichment_throws_instead_of_reporting_groups()
    {
        var retriever = new ScriptedRetriever(StandardsKnowledgeBase.Embedded);
        retriever.Hanging.Add(FieldGroups.Performance);
        var enricher = new StandardsSchemaEnricher(StandardsKnowledgeBase.Embedded, retriever);
        using var cts = new CancellationTokenSource();

        var running = enricher.EnrichAsync(TemperatureTransmitter(), Context(), cts.Token).AsTask();
        await retriever.HangEntered.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Concurrent_enrichments_of_many_schemas_share_the_enricher_safely()
    {
        var enricher = new StandardsSchemaEnricher();
        var expected = await enricher.EnrichAsync(TemperatureTransmitter(), Context());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await enricher.EnrichAsync(TemperatureTransmitter(), Context(ExecutionStrategyKind.Parallel)))));

        Assert.All(outcomes, o => Assert.Equal(
            expected.Schema.AllFields.Select(static f => f.Values.Count),
            o.Schema.AllFields.Select(static f => f.Values.Count)));
    }
}
