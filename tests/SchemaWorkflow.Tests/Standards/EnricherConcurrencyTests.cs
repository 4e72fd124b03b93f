using Microsoft.Extensions.Time.Testing;
using SchemaWorkflow.Standards;
using SchemaWorkflow.Testing;
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
        var time = new TimerWatchingTimeProvider(new FakeTimeProvider());
        var retriever = new ScriptedRetriever(StandardsKnowledgeBase.Embedded);
        retriever.Throwing.Add(FieldGroups.Electrical);
        retriever.Hanging.Add(FieldGroups.Compliance);
        var enricher = new StandardsSchemaEnricher(StandardsKnowledgeBase.Embedded, retriever);
        var schema = TemperatureTransmitter();

        var running = enricher.EnrichAsync(schema, Context(strategy, time, TimeSpan.FromSeconds(5))).AsTask();
        await retriever.HangEntered.WaitAsync(TimeSpan.FromSeconds(30));

        // Move the clock only once every other group is done (it armed its timeout and disposed it): a group still
        // running when the clock passes 5 s would time out too, however fast it is. Compliance is the last group, so
        // every strategy has started all seven by now.
        await WaitUntilAsync(() => time.Armed.Count == schema.Groups.Count && time.LiveTimers == 1);
        Assert.All(time.Armed, t => Assert.Equal(TimeSpan.FromSeconds(5), t));
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
        // On a fake clock: on the system clock the other six groups had to beat the 50 ms timeout too, which a loaded
        // machine need not do. Here the clock moves only once they are done (the Async strategy starts all seven at
        // once), and only the stuck group's timer is left.
        var time = new TimerWatchingTimeProvider(new FakeTimeProvider());
        var timeout = TimeSpan.FromMilliseconds(50);
        var retriever = new ScriptedRetriever(StandardsKnowledgeBase.Embedded);
        retriever.Stuck.Add(FieldGroups.Mechanical);
        var enricher = new StandardsSchemaEnricher(StandardsKnowledgeBase.Embedded, retriever);
        var schema = TemperatureTransmitter();

        var running = enricher.EnrichAsync(schema, Context(time: time, groupTimeout: timeout)).AsTask();
        await retriever.HangEntered.WaitAsync(TimeSpan.FromSeconds(30));
        await WaitUntilAsync(() => time.Armed.Count == schema.Groups.Count && time.LiveTimers == 1);
        Assert.All(time.Armed, t => Assert.Equal(timeout, t));
        time.Advance(timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(running.IsCompleted, "The enrichment ended before the stuck group's timeout.");

        time.Advance(TimeSpan.FromMilliseconds(1));
        // The real-time bound only keeps a stuck enrichment from hanging the run.
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(30));

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

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Polls only; the bound keeps a broken enricher from hanging the run.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(1, cts.Token);
        }
    }
}
