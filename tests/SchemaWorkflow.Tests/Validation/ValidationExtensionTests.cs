using SchemaWorkflow.Testing;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>ValidateRequirementsAsync gets the schema through the normal lifecycle, then validates.</summary>
public sealed class ValidationExtensionTests
{
    private static TestWorkflow NewWorkflow(bool withEnricher = false)
    {
        var workflow = new TestWorkflow(withEnricher: withEnricher);
        workflow.Generator.Produce = static request => ValidationTestSchemas.TemperatureTransmitter() with { Key = request.Key };
        return workflow;
    }

    [Fact]
    public async Task Validation_uses_the_session_cache_like_any_other_request()
    {
        using var workflow = NewWorkflow();
        var options = new SchemaRequestOptions { SessionId = "buyer-1" };

        var first = await workflow.Workflow.ValidateRequirementsAsync("temperature transmitter", RequirementSet.FromText("4-20 mA"), options);
        var second = await workflow.Workflow.ValidateRequirementsAsync("Temperature Transmitter", new Dictionary<string, string> { ["output"] = "PROFIBUS PA" }, options: options);

        Assert.Equal(1, workflow.Generator.Calls);
        Assert.Equal("temperature_transmitter", first.ProductType.Value);
        Assert.Equal("4-20 mA", Assert.Single(first.Provided).Value.Display);
        Assert.Equal("PROFIBUS PA", Assert.Single(second.Provided).Value.Display);
        Assert.Equal("test/1", first.SchemaFingerprint);
        Assert.False(first.SchemaEnriched);
    }

    [Fact]
    public async Task Validation_runs_against_the_enriched_schema()
    {
        using var workflow = NewWorkflow(withEnricher: true);

        var report = await workflow.Workflow.ValidateRequirementsAsync("temperature transmitter", RequirementSet.Empty);

        Assert.Equal(1, workflow.Enricher.Calls);
        Assert.True(report.SchemaEnriched);
        Assert.Equal("test/1+fake-enricher/1", report.SchemaFingerprint);
    }

    [Fact]
    public async Task An_unknown_product_type_throws_the_workflow_error_with_suggestions()
    {
        using var workflow = NewWorkflow();
        workflow.Generator.SupportsNothing = true;

        var ex = await Assert.ThrowsAsync<SchemaWorkflowException>(async () => await workflow.Workflow.ValidateRequirementsAsync("flux capacitor", RequirementSet.Empty));

        Assert.Equal(SchemaErrorCode.UnknownProductType, ex.Error.Code);
        Assert.NotEmpty(ex.Error.Suggestions);
    }

    [Fact]
    public async Task Bad_arguments_throw_before_any_work()
    {
        using var workflow = NewWorkflow();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await workflow.Workflow.ValidateRequirementsAsync("temperature transmitter", (RequirementSet)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await workflow.Workflow.ValidateRequirementsAsync(null!, RequirementSet.Empty));
        await Assert.ThrowsAsync<ArgumentException>(async () => await workflow.Workflow.ValidateRequirementsAsync("  ", RequirementSet.Empty));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await ((ISchemaWorkflow)null!).ValidateRequirementsAsync("x", RequirementSet.Empty));
        Assert.Equal(0, workflow.Generator.Calls);
    }

    [Fact]
    public async Task Cancellation_reaches_the_schema_request()
    {
        using var workflow = NewWorkflow();
        var gate = new TaskCompletionSource();
        workflow.Generator.Gate = gate.Task;
        using var cts = new CancellationTokenSource();

        var pending = workflow.Workflow.ValidateRequirementsAsync("temperature transmitter", RequirementSet.Empty, cancellationToken: cts.Token).AsTask();
        await workflow.Generator.WhenCalls(1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        gate.SetResult();
    }
}
