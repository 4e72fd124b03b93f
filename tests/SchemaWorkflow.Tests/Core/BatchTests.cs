using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Core;

public sealed class BatchTests
{
    [Fact]
    public async Task Batch_concurrency_never_exceeds_the_global_limit()
    {
        using var t = new TestWorkflow(o => o.MaxConcurrency = 3);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        t.Generator.Gate = gate.Task;
        var types = Enumerable.Range(0, 20).Select(i => $"type {i}").ToArray();

        var batch = t.Workflow.GetOrGenerateManyAsync(types, new SchemaRequestOptions { MaxConcurrency = 16 });
        await t.Generator.WhenConcurrent(3);
        await Task.Delay(50); // give any over-limit item the chance to enter
        Assert.Equal(3, t.Generator.CurrentConcurrent);
        gate.SetResult();
        var results = await batch;

        Assert.Equal(20, results.Count);
        Assert.Equal(3, t.Generator.MaxConcurrent);
        Assert.All(results, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task Two_concurrent_batches_share_the_global_limit()
    {
        using var t = new TestWorkflow(o => o.MaxConcurrency = 4);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        t.Generator.Gate = gate.Task;

        var a = t.Workflow.GetOrGenerateManyAsync(Enumerable.Range(0, 10).Select(i => $"a {i}"));
        var b = t.Workflow.GetOrGenerateManyAsync(Enumerable.Range(0, 10).Select(i => $"b {i}"));
        await t.Generator.WhenConcurrent(4);
        await Task.Delay(50);
        Assert.Equal(4, t.Generator.CurrentConcurrent);
        gate.SetResult();
        await Task.WhenAll(a, b);

        Assert.Equal(4, t.Generator.MaxConcurrent);
        Assert.Equal(20, t.Generator.Calls);
    }

    [Fact]
    public async Task Aliases_of_one_type_generate_once_and_keep_their_own_names()
    {
        using var t = new TestWorkflow();
        var names = new[] { "Pressure Gauge", "pressure gauge", "PRESSURE  GAUGE", "pressure-gauge" };

        var results = await t.Workflow.GetOrGenerateManyAsync(names);

        Assert.Equal(1, t.Generator.Calls);
        Assert.Equal(names, results.Select(r => r.RequestedName));
        Assert.All(results, r => Assert.Same(results[0].Schema, r.Schema));
    }

    [Fact]
    public async Task Interleaved_aliases_share_one_generation_per_type_and_keep_their_own_names()
    {
        using var t = new TestWorkflow();
        var names = new[] { "Pressure Gauge", "Level Switch", "pressure gauge", "Flow Switch", "level switch", "PRESSURE  GAUGE" };

        var results = await t.Workflow.GetOrGenerateManyAsync(names);

        Assert.Equal(3, t.Generator.Calls);
        Assert.Equal(names, results.Select(r => r.RequestedName));
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Same(results[0].Schema, results[2].Schema);
        Assert.Same(results[0].Schema, results[5].Schema);
        Assert.Same(results[1].Schema, results[4].Schema);
        Assert.NotSame(results[0].Schema, results[1].Schema);
        Assert.NotSame(results[1].Schema, results[3].Schema);
    }

    [Fact]
    public async Task One_failing_type_does_not_fail_the_others_and_order_is_preserved()
    {
        using var t = new TestWorkflow();
        t.Generator.Failing.Add("b_type");
        var names = new[] { "a type", "b type", "", "c type", "../../etc/passwd", "d\u0000type", "温度变送器" };

        var results = await t.Workflow.GetOrGenerateManyAsync(names);

        Assert.Equal(names, results.Select(r => r.RequestedName));
        Assert.True(results[0].Succeeded);
        Assert.Equal(SchemaErrorCode.GenerationFailed, results[1].Error!.Code);
        Assert.Equal(SchemaErrorCode.InvalidInput, results[2].Error!.Code);
        Assert.True(results[3].Succeeded);
        Assert.Equal(SchemaErrorCode.InvalidInput, results[4].Error!.Code);
        Assert.Equal(SchemaErrorCode.InvalidInput, results[5].Error!.Code);
        Assert.Equal(SchemaErrorCode.InvalidInput, results[6].Error!.Code);
    }

    [Fact]
    public async Task Batch_reports_progress_for_every_input()
    {
        using var t = new TestWorkflow();
        var reports = new List<BatchProgress>();
        var progress = new SynchronousProgress<BatchProgress>(reports.Add);

        await t.Workflow.GetOrGenerateManyAsync(["x one", "x two", "x one", "x three"], progress: progress);

        Assert.Equal(4, reports.Count);
        Assert.Equal([1, 2, 3, 4], reports.Select(r => r.Completed).Order());
        Assert.All(reports, r => Assert.Equal(4, r.Total));
    }

    [Fact]
    public async Task Stream_yields_results_in_completion_order()
    {
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var generator = new GatedByKey(new Dictionary<string, Task> { ["slow_one"] = slow.Task });
        using var t = new TestWorkflow(o => o.MaxConcurrency = 4, b => b.UseGenerator(_ => generator));
        t.Generator.SupportsNothing = true; // the chain falls through to the gated generator
        var seen = new List<string>();

        await foreach (var result in t.Workflow.StreamAsync(["slow one", "fast one", "fast two"]))
        {
            seen.Add(result.RequestedName);
            if (seen.Count == 2)
            {
                slow.SetResult();
            }
        }

        Assert.Equal(["fast one", "fast two"], seen.Take(2).Order());
        Assert.Equal("slow one", seen[2]);
    }

    [Fact]
    public async Task Batch_larger_than_the_limit_is_rejected_with_a_clear_message()
    {
        using var t = new TestWorkflow(o => o.MaxBatchSize = 3);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => t.Workflow.GetOrGenerateManyAsync(["a", "b", "c", "d"]));

        Assert.Contains("more than 3", ex.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _gate = new();

        public void Report(T value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }

    private sealed class GatedByKey(Dictionary<string, Task> gates) : Generation.ISchemaGenerator
    {
        public string Name => "gated";

        public string Fingerprint => "gated/1";

        public async ValueTask<ProductSchema> GenerateAsync(Generation.SchemaGenerationRequest request, CancellationToken cancellationToken = default)
        {
            if (gates.TryGetValue(request.Key.Value, out var gate))
            {
                await gate.WaitAsync(cancellationToken);
            }

            return TestSchemas.Create(request.Key, Name, Fingerprint);
        }
    }
}
