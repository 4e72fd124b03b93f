using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SchemaWorkflow.AI.Tests.Fakes;
using SchemaWorkflow.Quality;

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
}
