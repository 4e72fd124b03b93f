using SchemaWorkflow.Generation;
using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Core;

public sealed class LifecycleTests
{
    private static readonly SchemaRequestOptions Session = new() { SessionId = "s1" };

    [Fact]
    public async Task First_request_generates_stores_and_reports_steps()
    {
        using var t = new TestWorkflow();
        var result = await t.Workflow.GetOrGenerateAsync("Temperature Transmitter", Session);

        Assert.True(result.Succeeded);
        Assert.Equal(SchemaSource.Generated, result.Source);
        Assert.Equal("temperature_transmitter", result.Key!.Value.Value);
        Assert.Equal("Temperature Transmitter", result.RequestedName);
        Assert.Equal("fake", result.GeneratedBy);
        Assert.True(result.Persisted);
        Assert.Equal(ExecutionStrategyKind.Async, result.Strategy);
        Assert.Contains(result.Steps, s => s.Step == SchemaStep.Generate);
        Assert.Contains(result.Steps, s => s.Step == SchemaStep.StoreWrite);
        Assert.Equal(new FieldCounts(2, 2, 0), result.Fields);
        Assert.Equal(1, t.Store.Writes);
    }

    [Fact]
    public async Task Session_cache_hit_returns_the_same_instance_without_touching_the_store()
    {
        using var t = new TestWorkflow();
        await t.Workflow.GetOrGenerateAsync("Temperature Transmitter", Session);
        var readsBefore = t.Store.Reads;

        var first = await t.Workflow.GetOrGenerateAsync("Temperature Transmitter", Session);
        var second = await t.Workflow.GetOrGenerateAsync("Temperature Transmitter", Session);

        Assert.Equal(SchemaSource.SessionCache, first.Source);
        Assert.Same(first, second);
        Assert.Equal(readsBefore, t.Store.Reads);
        Assert.Equal(1, t.Generator.Calls);
    }

    [Fact]
    public async Task Another_session_is_served_from_the_store()
    {
        using var t = new TestWorkflow();
        await t.Workflow.GetOrGenerateAsync("Pressure Gauge", Session);

        var other = await t.Workflow.GetOrGenerateAsync("Pressure Gauge", new SchemaRequestOptions { SessionId = "s2" });

        Assert.Equal(SchemaSource.Store, other.Source);
        Assert.True(other.Persisted);
        Assert.Equal(1, t.Generator.Calls);
    }

    [Fact]
    public async Task Clear_session_evicts_its_entries_only()
    {
        using var t = new TestWorkflow();
        await t.Workflow.GetOrGenerateAsync("Pressure Gauge", Session);
        await t.Workflow.GetOrGenerateAsync("Pressure Gauge", new SchemaRequestOptions { SessionId = "s2" });

        t.Workflow.ClearSession("s1");

        Assert.Equal(SchemaSource.Store, (await t.Workflow.GetOrGenerateAsync("Pressure Gauge", Session)).Source);
        Assert.Equal(SchemaSource.SessionCache, (await t.Workflow.GetOrGenerateAsync("Pressure Gauge", new SchemaRequestOptions { SessionId = "s2" })).Source);
    }

    [Fact]
    public async Task Force_regenerate_skips_caches_and_replaces_the_stored_copy()
    {
        using var t = new TestWorkflow();
        await t.Workflow.GetOrGenerateAsync("Level Switch", Session);
        var before = await t.Store.Inner.GetAsync(ProductTypeKey.Parse("level_switch"));

        var forced = await t.Workflow.GetOrGenerateAsync("Level Switch", Session with { ForceRegenerate = true });

        Assert.Equal(SchemaSource.Generated, forced.Source);
        Assert.True(forced.Persisted);
        Assert.Equal(2, t.Generator.Calls);
        Assert.Equal(2, t.Store.Writes);
        var after = await t.Store.Inner.GetAsync(ProductTypeKey.Parse("level_switch"));
        Assert.NotEqual(before.ETag, after.ETag);

        // The session now holds the regenerated schema.
        var cached = await t.Workflow.GetOrGenerateAsync("Level Switch", Session);
        Assert.Equal(SchemaSource.SessionCache, cached.Source);
        Assert.Same(forced.Schema, cached.Schema);
    }

    [Fact]
    public async Task Store_outage_returns_the_schema_flagged_not_persisted()
    {
        using var t = new TestWorkflow();
        t.Store.IsDown = true;

        var result = await t.Workflow.GetOrGenerateAsync("Vortex Flowmeter");

        Assert.True(result.Succeeded);
        Assert.False(result.Persisted);
        Assert.Contains(result.Warnings, w => w.Contains("not persisted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Store_outage_fails_the_request_when_options_say_so()
    {
        using var t = new TestWorkflow(o => o.FailWhenStoreUnavailable = true);
        t.Store.IsDown = true;

        var result = await t.Workflow.GetOrGenerateAsync("Vortex Flowmeter");

        Assert.False(result.Succeeded);
        Assert.Equal(SchemaErrorCode.StoreUnavailable, result.Error!.Code);
        Assert.Equal(0, t.Generator.Calls);
    }

    [Fact]
    public async Task Store_that_recovers_persists_later_requests()
    {
        using var t = new TestWorkflow();
        t.Store.IsDown = true;
        Assert.False((await t.Workflow.GetOrGenerateAsync("Globe Valve")).Persisted);

        t.Store.IsDown = false;
        var later = await t.Workflow.GetOrGenerateAsync("Globe Valve");

        Assert.True(later.Persisted);
        Assert.Equal(SchemaSource.Generated, later.Source);
    }

    [Fact]
    public async Task Generation_timeout_cancels_the_generator_and_reports_timeout()
    {
        var time = TestWorkflow.NewFakeTime();
        using var t = new TestWorkflow(o => o.GenerationTimeout = TimeSpan.FromSeconds(5), timeProvider: time);
        t.Generator.Gate = new TaskCompletionSource().Task; // never completes

        var pending = t.Workflow.GetOrGenerateAsync("Coriolis Flowmeter").AsTask();
        await t.Generator.WhenCalls(1);
        time.Advance(TimeSpan.FromSeconds(6));
        var result = await pending;

        Assert.False(result.Succeeded);
        Assert.Equal(SchemaErrorCode.Timeout, result.Error!.Code);
        Assert.Equal(1, t.Generator.Cancellations);
        Assert.Equal(0, t.Store.Writes);
    }

    [Fact]
    public async Task Request_timeout_cancels_the_work_and_returns_a_timeout_result()
    {
        var time = TestWorkflow.NewFakeTime();
        using var t = new TestWorkflow(o => o.RequestTimeout = TimeSpan.FromSeconds(3), timeProvider: time);
        t.Generator.Gate = new TaskCompletionSource().Task;

        var pending = t.Workflow.GetOrGenerateAsync("Coriolis Flowmeter").AsTask();
        await t.Generator.WhenCalls(1);
        time.Advance(TimeSpan.FromSeconds(4));
        var result = await pending;

        Assert.Equal(SchemaErrorCode.Timeout, result.Error!.Code);
        await WaitFor(() => t.Generator.Cancellations == 1);
    }

    [Fact]
    public async Task Fallback_chain_tries_generators_in_order_and_says_which_served()
    {
        var second = new FakeSchemaGenerator("second");
        var third = new FakeSchemaGenerator("third");
        using var t = new TestWorkflow(build: b => b.UseGenerator(_ => second).UseGenerator(_ => third));
        t.Generator.SupportsNothing = true;

        var result = await t.Workflow.GetOrGenerateAsync("Radar Level Transmitter");

        Assert.Equal(SchemaSource.Fallback, result.Source);
        Assert.Equal("second", result.GeneratedBy);
        Assert.Equal(1, t.Generator.Calls);
        Assert.Equal(1, second.Calls);
        Assert.Equal(0, third.Calls);
    }

    [Fact]
    public async Task Failing_generator_falls_back_to_the_next()
    {
        var second = new FakeSchemaGenerator("second");
        using var t = new TestWorkflow(build: b => b.UseGenerator(_ => second));
        t.Generator.Failing.Add("ball_valve");

        var result = await t.Workflow.GetOrGenerateAsync("ball valve");

        Assert.Equal(SchemaSource.Fallback, result.Source);
        Assert.Equal("second", result.GeneratedBy);
        Assert.Contains(result.Warnings, w => w.Contains("failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_type_in_every_generator_returns_suggestions_and_stores_nothing()
    {
        using var t = new TestWorkflow();
        t.Generator.SupportsNothing = true;

        var result = await t.Workflow.GetOrGenerateAsync("flux capacitor");

        Assert.False(result.Succeeded);
        Assert.Equal(SchemaErrorCode.UnknownProductType, result.Error!.Code);
        Assert.Contains("temperature_transmitter", result.Error.Suggestions);
        Assert.Equal(0, t.Store.Writes);
    }

    [Fact]
    public async Task Corrupt_store_entry_is_a_miss_and_is_replaced_conditionally()
    {
        using var t = new TestWorkflow();
        var key = ProductTypeKey.Parse("pressure_switch");
        var seeded = await t.Store.Inner.WriteAsync(Serialization.SchemaEnvelopeSerializer.CreateEnvelope(TestSchemas.Create(key, "old"), "fake/1", DateTimeOffset.UnixEpoch), WriteCondition.IfNotExists);
        t.Store.CorruptKeys.Add(key);

        var result = await t.Workflow.GetOrGenerateAsync("pressure switch");

        Assert.True(result.Succeeded);
        Assert.Equal(SchemaSource.Generated, result.Source);
        Assert.True(result.Persisted);
        Assert.Contains(result.Warnings, w => w.Contains("could not be used", StringComparison.Ordinal));
        t.Store.CorruptKeys.Clear();
        var stored = await t.Store.Inner.GetAsync(key);
        Assert.NotEqual(seeded.ETag, stored.ETag);
        Assert.Equal("fake", stored.Envelope!.Schema.Provenance.Generator);
    }

    [Fact]
    public async Task Schema_from_another_generator_version_is_regenerated_and_replaced()
    {
        using var t = new TestWorkflow();
        var key = ProductTypeKey.Parse("pressure_switch");
        await t.Store.Inner.WriteAsync(Serialization.SchemaEnvelopeSerializer.CreateEnvelope(TestSchemas.Create(key), "fake/0-old", DateTimeOffset.UnixEpoch), WriteCondition.IfNotExists);

        var result = await t.Workflow.GetOrGenerateAsync("pressure switch");

        Assert.Equal(SchemaSource.Generated, result.Source);
        Assert.True(result.Persisted);
        var stored = await t.Store.Inner.GetAsync(key);
        Assert.Equal("fake/1", stored.Envelope!.GeneratorFingerprint);
    }

    [Fact]
    public async Task Fingerprint_change_is_ignored_when_options_say_so()
    {
        using var t = new TestWorkflow(o => o.RegenerateOnFingerprintChange = false);
        var key = ProductTypeKey.Parse("pressure_switch");
        await t.Store.Inner.WriteAsync(Serialization.SchemaEnvelopeSerializer.CreateEnvelope(TestSchemas.Create(key), "fake/0-old", DateTimeOffset.UnixEpoch), WriteCondition.IfNotExists);

        var result = await t.Workflow.GetOrGenerateAsync("pressure switch");

        Assert.Equal(SchemaSource.Store, result.Source);
        Assert.Equal(0, t.Generator.Calls);
    }

    [Fact]
    public async Task Write_conflict_serves_the_winners_schema()
    {
        using var t = new TestWorkflow();
        var key = ProductTypeKey.Parse("gate_valve");
        var winner = TestSchemas.Create(key, "winner", "fake/1");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        t.Generator.Gate = gate.Task;

        var pending = t.Workflow.GetOrGenerateAsync("gate valve").AsTask();
        await t.Generator.WhenCalls(1);
        await t.Store.Inner.WriteAsync(Serialization.SchemaEnvelopeSerializer.CreateEnvelope(winner, "fake/1", DateTimeOffset.UnixEpoch), WriteCondition.IfNotExists);
        gate.SetResult();
        var result = await pending;

        Assert.Equal(SchemaSource.Store, result.Source);
        Assert.Equal("winner", result.Schema!.Provenance.Generator);
    }

    [Fact]
    public async Task Schema_failing_the_type_gate_is_not_stored()
    {
        using var t = new TestWorkflow();
        t.Generator.Produce = r => TestSchemas.Create(r.Key) with
        {
            Groups = [new FieldGroup { Key = "junk_group", DisplayName = "Junk", Fields = [] }],
        };

        var result = await t.Workflow.GetOrGenerateAsync("butterfly valve");

        Assert.False(result.Succeeded);
        Assert.Equal(SchemaErrorCode.InvalidSchema, result.Error!.Code);
        Assert.Equal(0, t.Store.Writes);
    }

    [Fact]
    public async Task Enricher_runs_and_its_values_are_kept_with_provenance()
    {
        using var t = new TestWorkflow(withEnricher: true);

        var result = await t.Workflow.GetOrGenerateAsync("temperature transmitter");

        Assert.Equal(1, t.Enricher.Calls);
        Assert.Equal(1, result.Fields!.Populated);
        Assert.Equal("fake-enricher", result.Schema!.Provenance.Enricher);
        Assert.NotNull(result.Enrichment);
    }

    [Fact]
    public async Task Failing_enricher_leaves_the_generated_schema_with_a_warning()
    {
        using var t = new TestWorkflow(withEnricher: true);
        t.Enricher.Throw = true;

        var result = await t.Workflow.GetOrGenerateAsync("temperature transmitter");

        Assert.True(result.Succeeded);
        Assert.Equal(0, result.Fields!.Populated);
        Assert.Contains(result.Warnings, w => w.Contains("Enrichment failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Type_unknown_to_the_resolver_is_served_from_the_session_cache_on_repeat()
    {
        using var t = new TestWorkflow(build: b => b.UseResolver<NothingResolver>());

        var first = await t.Workflow.GetOrGenerateAsync("Widget Analyser", Session);
        var second = await t.Workflow.GetOrGenerateAsync("Widget Analyser", Session);

        Assert.Equal("widget_analyser", first.Key!.Value.Value);
        Assert.Equal(SchemaSource.Generated, first.Source);
        Assert.Equal(SchemaSource.SessionCache, second.Source);
        Assert.Equal(1, t.Generator.Calls);
    }

    private sealed class NothingResolver : IProductTypeResolver
    {
        public ValueTask<ProductTypeResolution> ResolveAsync(string text, CancellationToken cancellationToken = default) =>
            new(new ProductTypeResolution { Suggestions = ["temperature_transmitter"] });
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(1, cts.Token);
        }
    }
}
