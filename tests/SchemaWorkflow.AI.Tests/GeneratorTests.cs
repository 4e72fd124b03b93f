using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SchemaWorkflow.AI.Tests.Fakes;
using SchemaWorkflow.Quality;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.AI.Tests;

public sealed class GeneratorTests : IAsyncLifetime
{
    private FakeModelServer _server = null!;
    private readonly TestMeterFactory _meters = new();

    public async Task InitializeAsync() => _server = await FakeModelServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _meters.Dispose();
    }

    [Fact]
    public async Task Good_answer_becomes_a_valid_schema_from_one_well_formed_structured_output_request()
    {
        _server.Enqueue(Reply.Content(Answers.GoodSchema));
        using var endpoint = _server.CreateEndpoint();
        var generator = new ChatClientSchemaGenerator(endpoint);

        var schema = await generator.GenerateAsync(Answers.Request());

        Assert.Empty(SchemaQualityGate.Validate(schema));
        Assert.Equal("pressure_transmitter", schema.Key.Value);
        Assert.Equal([FieldGroups.ProcessParameters, FieldGroups.Electrical], schema.Groups.Select(g => g.Key));
        Assert.Equal("bar", schema.FindField("measuring_range")!.Unit);
        Assert.Equal("chat", schema.Provenance.Generator);
        Assert.Equal("chat/1.0+model.gpt-test+prompt.1", generator.Fingerprint);
        Assert.Equal("IEC 60770-1", Assert.Single(schema.Standards).Standard);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/openai/deployments/gpt-test/chat/completions", request.Path);
        Assert.False(string.IsNullOrEmpty(request.Query["api-version"]));
        Assert.Equal("test-key", request.Headers["api-key"]);
        var format = request.Json.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var jsonSchema = format.GetProperty("json_schema");
        Assert.Equal("product_schema", jsonSchema.GetProperty("name").GetString());
        Assert.True(jsonSchema.GetProperty("strict").GetBoolean());
        Assert.True(jsonSchema.GetProperty("schema").GetProperty("properties").TryGetProperty("groups", out _));
        Assert.Equal(0, request.Json.GetProperty("temperature").GetDouble());
        var messages = request.Messages;
        Assert.Equal("system", messages[0].Role);
        Assert.Contains("untrusted_data", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("pressure_transmitter", messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pinned_service_version_is_sent_as_the_api_version()
    {
        _server.Enqueue(Reply.Content(Answers.GoodSchema));
        using var endpoint = _server.CreateEndpoint(o => o.ServiceVersion = Azure.AI.OpenAI.AzureOpenAIClientOptions.ServiceVersion.V2024_10_21);

        await new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request());

        Assert.Equal("2024-10-21", Assert.Single(_server.Requests).Query["api-version"]);
    }

    [Fact]
    public async Task Malformed_json_gets_one_repair_round_trip_with_the_problems_then_succeeds()
    {
        _server.Enqueue(Reply.Content("{ \"display_name\": \"Pressure transmitter\", \"groups\": [ "), Reply.Content(Answers.GoodSchema));
        using var endpoint = _server.CreateEndpoint(meterFactory: _meters);
        using var repairs = new MetricCollector<long>(_meters, "SchemaWorkflow.AI", "schemaworkflow.ai.generation.repairs");

        var schema = await new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request());

        Assert.Empty(SchemaQualityGate.Validate(schema));
        Assert.Equal(2, _server.Requests.Count);
        var repair = _server.Requests[1].Messages;
        Assert.Equal(["system", "user", "assistant", "user"], repair.Select(m => m.Role));
        Assert.StartsWith("{ \"display_name\"", repair[2].Content, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", repair[3].Content, StringComparison.Ordinal);
        Assert.Equal("repaired", Assert.Single(repairs.GetMeasurementSnapshot()).Tags["outcome"]);
    }

    [Fact]
    public async Task Junk_values_twice_fail_with_a_typed_error_after_exactly_one_repair()
    {
        _server.Enqueue(Reply.Content(Answers.JunkValues), Reply.Content(Answers.JunkValues));
        using var endpoint = _server.CreateEndpoint();

        var ex = await Assert.ThrowsAsync<SchemaGenerationException>(() => new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request()).AsTask());

        Assert.Equal(ModelFailureKind.InvalidOutput, ex.Kind);
        Assert.Equal(2, ex.ModelCalls);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains(ex.Problems, p => p.Contains("not a value", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("process_data", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("not a unit symbol", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("Measuring Range", StringComparison.Ordinal));

        // The repair prompt carried the problems; the exception message does not quote model output by default.
        Assert.Contains("[placeholder]", _server.Requests[1].Messages[^1].Content, StringComparison.Ordinal);
        Assert.DoesNotContain("placeholder", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_call_is_retried_after_the_delay_retry_after_asks_for()
    {
        // On a fake clock, so the machine's load plays no part: the retry waits on a timer armed with exactly the delay
        // Retry-After asks for (not the 10 ms back-off), the second request is not sent while the clock is short of it,
        // and is sent - by the clock's reckoning exactly Retry-After after the first - once the clock passes it.
        var retryAfter = TimeSpan.FromSeconds(1);
        _server.Enqueue(
            Reply.Error(429, "429", "Rate limit", new Dictionary<string, string> { ["Retry-After"] = "1" }),
            Reply.Content(Answers.GoodSchema));
        var clock = new TimerWatchingTimeProvider(SchemaWorkflow.Testing.TestWorkflow.NewFakeTime());
        _server.Clock = clock;
        using var endpoint = _server.CreateEndpoint(meterFactory: _meters, timeProvider: clock);
        using var retries = new MetricCollector<long>(_meters, "SchemaWorkflow.AI", "schemaworkflow.ai.retries");
        using var throttled = new MetricCollector<long>(_meters, "SchemaWorkflow.AI", "schemaworkflow.ai.throttled");
        var resilience = endpoint.Options.Resilience;
        Assert.NotEqual(retryAfter, resilience.BaseDelay);

        // Every timer but the total and attempt timeouts is a retry delay.
        TimeSpan[] RetryDelays() => [.. clock.Armed.Where(t => t != resilience.AttemptTimeout && t != resilience.TotalTimeout)];

        var call = new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request()).AsTask();

        await WaitUntilAsync(() => RetryDelays().Length > 0 || call.IsCompleted);
        Assert.False(call.IsCompleted, "The call ended without waiting on a retry delay.");
        Assert.Equal(retryAfter, Assert.Single(RetryDelays()));
        Assert.Single(_server.Requests);

        clock.Advance(retryAfter - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted, "The call ended before the Retry-After delay.");
        Assert.Single(_server.Requests);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        // The real-time bound only keeps a broken pipeline from hanging the run.
        var schema = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(schema);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(retryAfter, _server.Requests[1].At - _server.Requests[0].At);
        Assert.Equal(retryAfter, Assert.Single(RetryDelays()));
        Assert.Equal("throttled", Assert.Single(retries.GetMeasurementSnapshot()).Tags["reason"]);
        Assert.Equal(1, throttled.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Throttle_asking_for_longer_than_MaxRetryAfter_fails_at_once()
    {
        _server.Enqueue(Reply.Error(429, "429", "Rate limit", new Dictionary<string, string> { ["retry-after-ms"] = "60000" }));
        using var endpoint = _server.CreateEndpoint(o => o.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<SchemaGenerationException>(() => new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request()).AsTask());

        Assert.Equal(ModelFailureKind.Throttled, ex.Kind);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Server_error_then_success_is_retried_once_with_backoff()
    {
        _server.Enqueue(Reply.Error(500, "server_error", "boom"), Reply.Content(Answers.GoodSchema));
        using var endpoint = _server.CreateEndpoint(meterFactory: _meters);
        using var retries = new MetricCollector<long>(_meters, "SchemaWorkflow.AI", "schemaworkflow.ai.retries");

        var schema = await new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request());

        Assert.Empty(SchemaQualityGate.Validate(schema));
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("transient", Assert.Single(retries.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task Persistent_server_errors_stop_after_max_retries_with_a_typed_error()
    {
        for (var i = 0; i < 10; i++)
        {
            _server.Enqueue(Reply.Error(503, "unavailable", "down"));
        }

        using var endpoint = _server.CreateEndpoint(o => o.Resilience.MaxRetryAttempts = 2);

        var ex = await Assert.ThrowsAsync<SchemaGenerationException>(() => new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request()).AsTask());

        Assert.Equal(ModelFailureKind.Transient, ex.Kind);
        var call = Assert.IsType<ModelCallException>(ex.InnerException);
        Assert.Equal(3, call.Attempts);
        Assert.Equal(503, call.StatusCode);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Hanging_attempt_is_cancelled_at_the_attempt_timeout_and_retried()
    {
        // On a fake clock (as in the total-timeout test below), so the arrival times of the requests, which the machine's
        // load shifts, play no part: the attempt is still open just short of its timeout, aborted at it, and the retry
        // after the back-off gets the answer.
        var attemptTimeout = TimeSpan.FromSeconds(10);
        var backoff = TimeSpan.FromSeconds(1);
        _server.Enqueue(Reply.HangForever(), Reply.Content(Answers.GoodSchema));
        var clock = new TimerWatchingTimeProvider(SchemaWorkflow.Testing.TestWorkflow.NewFakeTime());
        using var endpoint = _server.CreateEndpoint(
            o =>
            {
                o.Resilience.AttemptTimeout = attemptTimeout;
                o.Resilience.BaseDelay = backoff;
                o.Resilience.UseJitter = false;
            },
            timeProvider: clock);

        var call = new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request()).AsTask();

        await WaitUntilAsync(() => _server.Requests.Count == 1 || call.IsCompleted);
        Assert.Contains(attemptTimeout, clock.Armed);
        clock.Advance(attemptTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted, "The call ended before the attempt timeout.");
        Assert.False(_server.Requests[0].Aborted, "The attempt was cancelled before its timeout.");

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => clock.Armed.Contains(backoff) || call.IsCompleted);
        Assert.False(call.IsCompleted, "The call ended instead of retrying.");
        await WaitUntilAsync(() => _server.Requests[0].Aborted);
        Assert.Single(_server.Requests);

        clock.Advance(backoff);
        // The real-time bound only keeps a broken pipeline from hanging the run.
        var schema = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(schema);
        Assert.Equal(2, _server.Requests.Count);
        Assert.False(_server.Requests[1].Aborted);
    }

    [Fact]
    public async Task Hanging_endpoint_ends_at_the_total_timeout_with_a_timeout_error()
    {
        // The pipeline runs on a fake clock, moved one armed timer at a time, so the attempt count is exact and the
        // machine's load plays no part. Timeline (no jitter, back-off 1 s, 2 s, 4 s):
        //   0 s attempt 1 ... 20 s attempt timeout, 21 s attempt 2 ... 41 s, 43 s attempt 3 ... 63 s, 67 s attempt 4 ...
        //   70 s total timeout: attempt 4 is abandoned and 6 of the 10 allowed retries are never made.
        // Seconds rather than milliseconds keep the Azure client's own network timeout (attempt timeout + 5 s, on the
        // real clock) out of reach however slowly the machine runs the test.
        var attemptTimeout = TimeSpan.FromSeconds(20);
        var totalTimeout = TimeSpan.FromSeconds(70);
        TimeSpan[] backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];
        for (var i = 0; i < 10; i++)
        {
            _server.Enqueue(Reply.HangForever());
        }

        var clock = new TimerWatchingTimeProvider(SchemaWorkflow.Testing.TestWorkflow.NewFakeTime());
        using var endpoint = _server.CreateEndpoint(
            o =>
            {
                o.Resilience.AttemptTimeout = attemptTimeout;
                o.Resilience.TotalTimeout = totalTimeout;
                o.Resilience.MaxRetryAttempts = 10;
                o.Resilience.BaseDelay = backoff[0];
                o.Resilience.MaxDelay = TimeSpan.FromSeconds(30);
                o.Resilience.UseJitter = false;
            },
            timeProvider: clock);

        var call = new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request()).AsTask();
        await WaitUntilAsync(() => clock.Armed.Contains(totalTimeout) || call.IsCompleted);

        for (var attempt = 1; attempt <= backoff.Length; attempt++)
        {
            // The request on the wire means its attempt timer is armed (Polly arms it before the call goes out).
            await WaitUntilAsync(() => _server.Requests.Count == attempt || call.IsCompleted);
            Assert.False(call.IsCompleted, $"The call ended before attempt {attempt} timed out.");
            Assert.Equal(attempt, clock.Armed.Count(t => t == attemptTimeout));
            clock.Advance(attemptTimeout);

            // The retry arms its back-off delay; only then is it safe to move past it.
            var delay = backoff[attempt - 1];
            await WaitUntilAsync(() => clock.Armed.Contains(delay) || call.IsCompleted);
            Assert.False(call.IsCompleted, $"The call ended instead of retrying after attempt {attempt}.");
            clock.Advance(delay);
        }

        await WaitUntilAsync(() => _server.Requests.Count == backoff.Length + 1 || call.IsCompleted);
        Assert.False(call.IsCompleted, "The call ended before the last attempt was sent.");
        clock.Advance(totalTimeout - clock.Elapsed);

        // The real-time bound only keeps a broken pipeline from hanging the run; the fake clock is already at the total.
        var ex = await Assert.ThrowsAsync<SchemaGenerationException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(ModelFailureKind.Timeout, ex.Kind);
        var modelCall = Assert.IsType<ModelCallException>(ex.InnerException);
        Assert.Equal(4, modelCall.Attempts);
        Assert.Equal(4, _server.Requests.Count);
        // The total timeout, not an attempt timeout, ended the call.
        Assert.Equal(totalTimeout, Assert.IsType<Polly.Timeout.TimeoutRejectedException>(modelCall.InnerException).Timeout);
        await WaitUntilAsync(() => _server.Requests.All(r => r.Aborted));
    }

    [Theory]
    [InlineData(401, ModelFailureKind.Unauthorized)]
    [InlineData(403, ModelFailureKind.Unauthorized)]
    [InlineData(400, ModelFailureKind.Rejected)]
    [InlineData(404, ModelFailureKind.Rejected)]
    public async Task Permanent_errors_fail_fast_without_retry(int status, ModelFailureKind kind)
    {
        _server.Enqueue(Reply.Error(status, "error", "no"), Reply.Content(Answers.GoodSchema));
        using var endpoint = _server.CreateEndpoint(meterFactory: _meters);
        using var retries = new MetricCollector<long>(_meters, "SchemaWorkflow.AI", "schemaworkflow.ai.retries");

        var ex = await Assert.ThrowsAsync<SchemaGenerationException>(() => new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request()).AsTask());

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(1, ex.ModelCalls);
        Assert.Single(_server.Requests);
        Assert.Empty(retries.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Content_filter_on_the_prompt_fails_fast_without_retry_or_repair()
    {
        _server.Enqueue(
            new Reply(400, """{"error":{"code":"content_filter","message":"The response was filtered due to the prompt triggering the content management policy.","param":"prompt","status":400}}"""),
            Reply.Content(Answers.GoodSchema));
        using var endpoint = _server.CreateEndpoint();

        var ex = await Assert.ThrowsAsync<SchemaGenerationException>(() => new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request()).AsTask());

        Assert.Equal(ModelFailureKind.ContentFiltered, ex.Kind);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Content_filter_on_the_answer_fails_fast_without_retry_or_repair()
    {
        _server.Enqueue(Reply.Content(string.Empty, finishReason: "content_filter"), Reply.Content(Answers.GoodSchema));
        using var endpoint = _server.CreateEndpoint();

        var ex = await Assert.ThrowsAsync<SchemaGenerationException>(() => new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request()).AsTask());

        Assert.Equal(ModelFailureKind.ContentFiltered, ex.Kind);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Answer_saying_not_an_instrument_declines_the_type_so_the_chain_moves_on()
    {
        _server.Enqueue(Reply.Content(Answers.NotAnInstrument));
        using var endpoint = _server.CreateEndpoint();

        await Assert.ThrowsAsync<ProductTypeNotSupportedException>(() => new ChatClientSchemaGenerator(endpoint).GenerateAsync(Answers.Request("banana")).AsTask());
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Skeleton_fields_are_sent_as_trusted_context_kept_as_defined_and_restored_when_missing()
    {
        // The answer redefines measuring_range as text and drops nothing the skeleton lacks; the skeleton also has
        // output_signal with other allowed values and a field the answer omits.
        var skeleton = Testing.TestSchemas.Create("pressure_transmitter") with { };
        skeleton = skeleton with
        {
            Groups =
            [
                .. skeleton.Groups,
                new FieldGroup
                {
                    Key = FieldGroups.Mechanical,
                    DisplayName = "Mechanical",
                    Fields = [new SchemaField { Key = "process_connection", DisplayName = "Process connection", Description = "How the instrument connects to the process.", Group = FieldGroups.Mechanical, DataType = FieldDataType.Enum, AllowedValues = ["G 1/2", "1/2 NPT"] }],
                },
            ],
        };
        _server.Enqueue(Reply.Content(Answers.GoodSchema.Replace("\"data_type\": \"range\", \"unit\": \"bar\"", "\"data_type\": \"text\", \"unit\": null", StringComparison.Ordinal)));
        using var endpoint = _server.CreateEndpoint();
        var generator = new ChatClientSchemaGenerator(endpoint, skeletons: new StaticSkeletons(skeleton));

        var schema = await generator.GenerateAsync(Answers.Request());

        Assert.Empty(SchemaQualityGate.Validate(schema));
        Assert.Equal(FieldDataType.Range, schema.FindField("measuring_range")!.DataType);
        Assert.Equal(["4-20 mA", "4-20 mA HART"], schema.FindField("output_signal")!.AllowedValues);
        Assert.NotNull(schema.FindField("process_connection"));
        Assert.NotNull(schema.FindField("process_temperature"));
        Assert.Contains("skeleton:fake/pressure_transmitter", schema.Provenance.Sources);
        Assert.EndsWith("+skeleton.static/1", generator.Fingerprint, StringComparison.Ordinal);
        Assert.Contains("<catalog_skeleton>", _server.Requests[0].Messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("process_connection", _server.Requests[0].Messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireSkeleton_declines_types_without_a_skeleton_without_calling_the_model()
    {
        using var endpoint = _server.CreateEndpoint();
        var generator = new ChatClientSchemaGenerator(endpoint, new ChatClientGeneratorOptions { RequireSkeleton = true }, new StaticSkeletons(null));

        await Assert.ThrowsAsync<ProductTypeNotSupportedException>(() => generator.GenerateAsync(Answers.Request()).AsTask());
        Assert.Empty(_server.Requests);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }

    private sealed class StaticSkeletons(ProductSchema? skeleton) : ISchemaSkeletonSource
    {
        public string Fingerprint => "static/1";

        public ValueTask<ProductSchema?> GetSkeletonAsync(SchemaWorkflow.Generation.SchemaGenerationRequest request, CancellationToken cancellationToken = default) =>
            new(skeleton);
    }
}
