using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SchemaWorkflow.Diagnostics;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Core;

public sealed class SingleFlightTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1000)]
    public async Task Concurrent_requests_for_same_type_generate_once(int callers)
    {
        using var t = new TestWorkflow(o => o.MaxConcurrency = 4);
        using var joins = Joins(t);
        var gate = Hold(t.Generator);

        var calls = Enumerable.Range(0, callers)
            .Select(_ => Task.Run(() => t.Workflow.GetOrGenerateAsync("Temperature Transmitter").AsTask()))
            .ToArray();

        await t.Generator.WhenCalls(1);
        await WaitUntil(() => Sum(joins) == callers - 1);
        gate.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1, t.Generator.Calls);
        Assert.Equal(1, t.Store.Writes);
        var first = results[0].Schema;
        Assert.NotNull(first);
        Assert.All(results, r => Assert.Same(first, r.Schema));
        Assert.Equal(callers - 1, results.Count(r => r.JoinedInFlight));
        Assert.Single(results, r => r.Source == SchemaSource.Generated && !r.JoinedInFlight);
    }

    [Fact]
    public async Task One_caller_cancelling_does_not_cancel_the_shared_generation()
    {
        using var t = new TestWorkflow();
        var gate = Hold(t.Generator);
        using var cts = new CancellationTokenSource();
        using var joins = Joins(t);

        var cancelled = t.Workflow.GetOrGenerateAsync("pressure gauge", cancellationToken: cts.Token).AsTask();
        await t.Generator.WhenCalls(1);
        var others = Enumerable.Range(0, 5).Select(_ => t.Workflow.GetOrGenerateAsync("pressure gauge").AsTask()).ToArray();
        await WaitUntil(() => Sum(joins) == 5);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.SetResult();
        var results = await Task.WhenAll(others);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(0, t.Generator.Cancellations);
        Assert.Equal(1, t.Generator.Calls);
    }

    [Fact]
    public async Task All_callers_cancelling_cancels_the_shared_generation()
    {
        using var t = new TestWorkflow();
        var gate = Hold(t.Generator);
        using var cts = new CancellationTokenSource();
        using var joins = Joins(t);

        var calls = Enumerable.Range(0, 3).Select(_ => t.Workflow.GetOrGenerateAsync("level switch", cancellationToken: cts.Token).AsTask()).ToArray();
        await t.Generator.WhenCalls(1);
        await WaitUntil(() => Sum(joins) == 2);
        await cts.CancelAsync();

        foreach (var call in calls)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }

        await WaitUntil(() => t.Generator.Cancellations == 1);
        Assert.Equal(0, t.Store.Writes);

        // Nothing is cached from the cancelled flight: the next caller generates anew.
        t.Generator.Gate = null;
        var again = await t.Workflow.GetOrGenerateAsync("level switch");
        Assert.True(again.Succeeded);
        Assert.Equal(2, t.Generator.Calls);
    }

    [Fact]
    public async Task Most_callers_cancelling_leaves_the_generation_running_for_the_rest()
    {
        using var t = new TestWorkflow();
        var gate = Hold(t.Generator);
        using var cts = new CancellationTokenSource();
        using var joins = Joins(t);

        var leaving = Enumerable.Range(0, 9).Select(_ => t.Workflow.GetOrGenerateAsync("flow switch", cancellationToken: cts.Token).AsTask()).ToArray();
        await t.Generator.WhenCalls(1);
        var staying = t.Workflow.GetOrGenerateAsync("flow switch").AsTask();
        await WaitUntil(() => Sum(joins) == 9);
        await cts.CancelAsync();
        foreach (var call in leaving)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }

        gate.SetResult();
        var result = await staying;
        Assert.True(result.Succeeded);
        Assert.Equal(0, t.Generator.Cancellations);
        Assert.Equal(1, t.Generator.Calls);
    }

    [Fact]
    public async Task Failures_are_not_cached()
    {
        using var t = new TestWorkflow();
        t.Generator.Failing.Add("check_valve");

        var first = await t.Workflow.GetOrGenerateAsync("check valve");
        Assert.False(first.Succeeded);
        Assert.Equal(SchemaErrorCode.GenerationFailed, first.Error!.Code);

        t.Generator.Failing.Clear();
        var second = await t.Workflow.GetOrGenerateAsync("check valve");
        Assert.True(second.Succeeded);
        Assert.Equal(2, t.Generator.Calls);
    }

    [Fact]
    public async Task Callers_joining_a_running_generation_do_not_read_the_store()
    {
        using var t = new TestWorkflow();
        using var joins = Joins(t);
        var gate = Hold(t.Generator);

        var first = t.Workflow.GetOrGenerateAsync("globe valve").AsTask();
        await t.Generator.WhenCalls(1);
        var readsWhileRunning = t.Store.Reads;
        var joiners = Enumerable.Range(0, 10).Select(_ => t.Workflow.GetOrGenerateAsync("globe valve").AsTask()).ToArray();
        await WaitUntil(() => Sum(joins) == 10);
        gate.SetResult();
        await Task.WhenAll(joiners.Append(first));

        Assert.Equal(readsWhileRunning, t.Store.Reads);
        Assert.Equal(1, t.Generator.Calls);
    }

    [Fact]
    public async Task Each_waiter_times_out_at_its_own_deadline_and_the_last_to_leave_stops_the_generation()
    {
        var time = TestWorkflow.NewFakeTime();
        using var t = new TestWorkflow(o => o.RequestTimeout = TimeSpan.FromSeconds(3), timeProvider: time);
        t.Generator.Gate = new TaskCompletionSource().Task; // never completes
        using var joins = Joins(t);

        var first = t.Workflow.GetOrGenerateAsync("Coriolis Flowmeter").AsTask();
        await t.Generator.WhenCalls(1);
        time.Advance(TimeSpan.FromSeconds(1));
        using var callerToken = new CancellationTokenSource(); // a cancellable token that is never cancelled
        var joiner = t.Workflow.GetOrGenerateAsync("Coriolis Flowmeter", cancellationToken: callerToken.Token).AsTask();
        await WaitUntil(() => Sum(joins) == 1);

        // The first caller's 3 s are up; the joiner, which came 1 s later, still waits and keeps the generation going.
        time.Advance(TimeSpan.FromSeconds(2));
        var firstResult = await first;
        Assert.Equal(SchemaErrorCode.Timeout, firstResult.Error!.Code);
        Assert.False(joiner.IsCompleted);
        Assert.Equal(0, t.Generator.Cancellations);

        // The joiner's 3 s are up: it was the last waiter, so the generation is cancelled.
        time.Advance(TimeSpan.FromSeconds(1));
        var joinerResult = await joiner;
        Assert.Equal(SchemaErrorCode.Timeout, joinerResult.Error!.Code);
        Assert.False(joinerResult.Succeeded);
        await WaitUntil(() => t.Generator.Cancellations == 1);
        Assert.Equal(1, t.Generator.Calls);
        Assert.Equal(0, t.Store.Writes);
    }

    [Fact]
    public async Task Callers_arriving_together_time_out_together_and_the_generation_is_cancelled_once()
    {
        const int callers = 50;
        var time = TestWorkflow.NewFakeTime();
        using var t = new TestWorkflow(o => o.RequestTimeout = TimeSpan.FromSeconds(3), timeProvider: time);
        t.Generator.Gate = new TaskCompletionSource().Task;
        using var joins = Joins(t);

        var first = t.Workflow.GetOrGenerateAsync("Vortex Flowmeter").AsTask();
        await t.Generator.WhenCalls(1);
        var others = Enumerable.Range(0, callers - 1).Select(_ => t.Workflow.GetOrGenerateAsync("Vortex Flowmeter").AsTask()).ToArray();
        await WaitUntil(() => Sum(joins) == callers - 1);

        time.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromTicks(1));
        Assert.False(first.IsCompleted);
        Assert.DoesNotContain(others, o => o.IsCompleted);

        time.Advance(TimeSpan.FromTicks(1));
        var results = await Task.WhenAll(others.Append(first));

        Assert.All(results, r => Assert.Equal(SchemaErrorCode.Timeout, r.Error!.Code));
        await WaitUntil(() => t.Generator.Cancellations == 1);
        Assert.Equal(1, t.Generator.Calls);
    }

    [Fact]
    public async Task Joiners_share_the_flight_result_without_sharing_their_own_timings()
    {
        using var t = new TestWorkflow();
        using var joins = Joins(t);
        var gate = Hold(t.Generator);

        var first = t.Workflow.GetOrGenerateAsync("Magnetic Flowmeter").AsTask();
        await t.Generator.WhenCalls(1);
        var joiners = Enumerable.Range(0, 3).Select(_ => t.Workflow.GetOrGenerateAsync("Magnetic Flowmeter").AsTask()).ToArray();
        await WaitUntil(() => Sum(joins) == 3);
        gate.SetResult();
        var started = await first;
        var joined = await Task.WhenAll(joiners);

        Assert.False(started.JoinedInFlight);
        Assert.Contains(started.Steps, s => s.Step == SchemaStep.Generate);
        Assert.All(joined, r =>
        {
            Assert.True(r.JoinedInFlight);
            Assert.Same(started.Schema, r.Schema);
            Assert.Equal(started.Fields, r.Fields);
            Assert.Equal([SchemaStep.Resolve, SchemaStep.SingleFlightWait], r.Steps.Select(s => s.Step));
            Assert.NotSame(started.Steps, r.Steps);
        });
        Assert.Equal(3, joined.Select(r => r.Steps).Distinct().Count());
    }

    [Fact]
    public async Task A_joiner_with_a_session_gets_the_session_step_and_its_result_is_cached_in_that_session()
    {
        using var t = new TestWorkflow();
        using var joins = Joins(t);
        var gate = Hold(t.Generator);
        var session = new SchemaRequestOptions { SessionId = "buyer-7" };

        var first = t.Workflow.GetOrGenerateAsync("Ultrasonic Flowmeter").AsTask();
        await t.Generator.WhenCalls(1);
        var joiner = t.Workflow.GetOrGenerateAsync("Ultrasonic Flowmeter", session).AsTask();
        await WaitUntil(() => Sum(joins) == 1);
        gate.SetResult();
        var started = await first;
        var joined = await joiner;

        Assert.True(joined.JoinedInFlight);
        Assert.Equal(SchemaSource.Generated, joined.Source);
        Assert.Equal([SchemaStep.Resolve, SchemaStep.SessionCache, SchemaStep.SingleFlightWait], joined.Steps.Select(s => s.Step));
        Assert.Equal(joined.Duration, joined.Steps[^1].Duration);

        // The joiner's session now holds the schema; a caller without that session does not see it there.
        var again = await t.Workflow.GetOrGenerateAsync("Ultrasonic Flowmeter", session);
        Assert.Equal(SchemaSource.SessionCache, again.Source);
        Assert.Same(started.Schema, again.Schema);
        var otherSession = await t.Workflow.GetOrGenerateAsync("Ultrasonic Flowmeter", new SchemaRequestOptions { SessionId = "buyer-8" });
        Assert.Equal(SchemaSource.Store, otherSession.Source);
        Assert.Equal(1, t.Generator.Calls);
    }

    [Fact]
    public async Task A_joiner_with_an_invalid_timeout_fails_alone_and_the_generation_goes_on()
    {
        using var t = new TestWorkflow();
        using var joins = Joins(t);
        var gate = Hold(t.Generator);

        var first = t.Workflow.GetOrGenerateAsync("Thermowell").AsTask();
        await t.Generator.WhenCalls(1);
        var invalid = t.Workflow.GetOrGenerateAsync("Thermowell", new SchemaRequestOptions { Timeout = TimeSpan.FromDays(100) }).AsTask();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => invalid);
        Assert.Equal(0, Sum(joins)); // it never waited
        gate.SetResult();
        var result = await first;
        Assert.True(result.Succeeded);
        Assert.Equal(0, t.Generator.Cancellations);
        Assert.Equal(1, t.Generator.Calls);
    }

    [Fact]
    public async Task A_caller_whose_token_is_already_cancelled_does_not_join_a_running_generation()
    {
        using var t = new TestWorkflow();
        using var joins = Joins(t);
        var gate = Hold(t.Generator);

        var first = t.Workflow.GetOrGenerateAsync("Pressure Switch").AsTask();
        await t.Generator.WhenCalls(1);
        var cancelled = t.Workflow.GetOrGenerateAsync("Pressure Switch", cancellationToken: new CancellationToken(canceled: true)).AsTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(0, Sum(joins));
        gate.SetResult();
        Assert.True((await first).Succeeded);
        Assert.Equal(0, t.Generator.Cancellations);
    }

    /// <summary>Holds every generation of <paramref name="generator"/> until the returned gate is set.</summary>
    private static TaskCompletionSource Hold(FakeSchemaGenerator generator)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        generator.Gate = gate.Task;
        return gate;
    }

    private static MetricCollector<long> Joins(TestWorkflow t) =>
        new(t.Services.GetRequiredService<SchemaWorkflowDiagnostics>().SingleFlightJoins);

    private static long Sum(MetricCollector<long> c) => c.GetMeasurementSnapshot().Sum(m => m.Value);

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(1, cts.Token);
        }
    }
}
