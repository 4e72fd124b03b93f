using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.WebApi.Tests;

public sealed class EndpointTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _factory;

    public EndpointTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Get_schema_generates_then_serves_from_the_session_cache()
    {
        using var client = _factory.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>("/schemas/Temperature%20Transmitter?session=web-1");
        var second = await client.GetFromJsonAsync<JsonElement>("/schemas/temperature%20transmitters?session=web-1");

        Assert.Equal("temperature_transmitter", first.GetProperty("key").GetString());
        Assert.Contains(first.GetProperty("source").GetString(), new[] { "Generated", "Store" });
        Assert.Equal("SessionCache", second.GetProperty("source").GetString());
        Assert.True(first.GetProperty("schema").GetProperty("groups").GetArrayLength() >= 5);
        Assert.True(File.Exists(Path.Combine(_factory.StorePath, "temperature_transmitter.json")));
    }

    [Fact]
    public async Task Bad_input_is_a_400_problem_with_the_reason()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/schemas/pressure%0Agauge");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("control character", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_type_is_a_404_problem_with_suggestions()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/schemas/pressure%20widget");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("UnknownProductType", problem.GetProperty("code").GetString());
        Assert.Contains("pressure_transmitter", problem.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Store_down_with_fail_option_is_a_503_problem()
    {
        using var factory = _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("SchemaWorkflow:FailWhenStoreUnavailable", "true");
            b.ConfigureTestServices(s => s.AddSingleton<ISchemaStore>(new FakeSchemaStore { IsDown = true }));
        });
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/schemas/pressure%20gauge");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("StoreUnavailable", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Batch_streams_one_ndjson_line_per_product_type()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/schemas/batch", new { productTypes = new[] { "Pressure Gauge", "LSH", "pressure gauges", "not a real thing at all" } });
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(4, lines.Length);
        var results = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, results.Count(r => r.TryGetProperty("schema", out _)));
        Assert.Single(results, r => r.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Batch_without_product_types_is_a_400()
    {
        using var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync("/schemas/batch", new { productTypes = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Delete_session_evicts_its_cache()
    {
        using var client = _factory.CreateClient();
        await client.GetAsync("/schemas/level%20switch?session=web-del");

        var delete = await client.DeleteAsync("/sessions/web-del");
        var after = await client.GetFromJsonAsync<JsonElement>("/schemas/level%20switch?session=web-del");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal("Store", after.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Product_types_lists_the_catalog()
    {
        using var client = _factory.CreateClient();
        var types = await client.GetFromJsonAsync<JsonElement>("/product-types");
        Assert.True(types.GetArrayLength() >= 60);
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("key").GetString() == "differential_pressure_transmitter");
    }

    [Fact]
    public async Task Health_openapi_and_page_are_served()
    {
        using var client = _factory.CreateClient();

        var health = await client.GetStringAsync("/health");
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var page = await client.GetStringAsync("/");

        Assert.Equal("Healthy", health);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/schemas/{productType}", out _));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/schemas/batch", out _));
        Assert.Contains("Specification sheet", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reports_missing_and_invalid_fields_in_sentences()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/schemas/Temperature%20Transmitter/validate", new
        {
            requirements = new Dictionary<string, string> { ["output signal"] = "4-20mA HART", ["ambient temperature range"] = "-40 to 85 C", ["calibrated_range"] = "ninety bananas" },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("isValid").GetBoolean());
        var messages = body.GetProperty("messages").EnumerateArray().Select(m => (Kind: m.GetProperty("kind").GetString(), Text: m.GetProperty("text").GetString()!)).ToList();
        Assert.Contains(messages, m => m.Kind == "invalid" && m.Text.Contains("Calibrated range", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(messages, m => m.Kind == "missing");
        Assert.Contains(messages, m => m.Kind == "provided" && m.Text.StartsWith("Output signal", StringComparison.Ordinal));
        Assert.Equal("temperature_transmitter", body.GetProperty("report").GetProperty("productType").GetString());
    }

    [Fact]
    public async Task Validate_with_bad_input_is_a_400()
    {
        using var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync("/schemas/pressure%20gauge/validate", new { requirements = new Dictionary<string, string> { ["accuracy"] = "1.0\u0007" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Json_schema_export_lists_required_mandatory_fields()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/schemas/pressure%20gauge/json-schema");
        var schema = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.Contains("accuracy_class", schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Azure_blob_store_and_azure_openai_are_switched_on_by_configuration_alone()
    {
        using var factory = _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("SchemaWorkflow:AzureBlob:ConnectionString", "UseDevelopmentStorage=true");
            b.UseSetting("SchemaWorkflow:AzureOpenAI:Endpoint", "http://127.0.0.1:9/");
            b.UseSetting("SchemaWorkflow:AzureOpenAI:Deployment", "gpt-test");
            b.UseSetting("SchemaWorkflow:AzureOpenAI:ApiKey", "test-key");
        });

        var services = factory.Services;

        Assert.Equal("AzureBlobSchemaStore", services.GetRequiredService<ISchemaStore>().GetType().Name);
        var chain = services.GetRequiredService<SchemaWorkflow.Generation.SchemaGeneratorChain>();
        Assert.Equal(["ChatClientSchemaGenerator", "CatalogSchemaGenerator"], chain.Generators.Select(g => g.GetType().Name));
    }

    [Fact]
    public void Defaults_use_the_file_store_and_the_catalog()
    {
        var services = _factory.Services;

        Assert.IsType<FileSystemSchemaStore>(services.GetRequiredService<ISchemaStore>());
        var chain = services.GetRequiredService<SchemaWorkflow.Generation.SchemaGeneratorChain>();
        Assert.Equal(["CatalogSchemaGenerator"], chain.Generators.Select(g => g.GetType().Name));
    }
}
