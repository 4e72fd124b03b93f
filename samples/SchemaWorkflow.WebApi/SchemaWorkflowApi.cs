using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Diagnostics;
using SchemaWorkflow.Export;
using SchemaWorkflow.Validation;
using SchemaWorkflow.Serialization;

namespace SchemaWorkflow.WebApi;

/// <summary>A minimal-API host of <see cref="ISchemaWorkflow"/> configured from appsettings.json.</summary>
public static class SchemaWorkflowApi
{
    /// <summary>Builds the application: services from configuration, endpoints, OpenAPI, health checks, the page.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The application, ready to run.</returns>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        ConfigureWorkflow(builder.Services.AddSchemaWorkflow(builder.Configuration), builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, SchemaWorkflowJsonContext.Default);
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        if (builder.Configuration.GetValue<bool>("Telemetry:ConsoleExporter"))
        {
            builder.Services.AddOpenTelemetry()
                .WithTracing(t => t.AddSource(SchemaWorkflowDiagnostics.Name).AddConsoleExporter())
                .WithMetrics(m => m.AddMeter(SchemaWorkflowDiagnostics.Name).AddConsoleExporter());
        }

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        MapEndpoints(app);
        return app;
    }

    /// <summary>
    /// Switches production parts on by configuration alone: a <c>SchemaWorkflow:AzureBlob</c> section selects the Azure
    /// Blob store; <c>SchemaWorkflow:AzureOpenAI:Endpoint</c> puts the LLM generator in front of the catalog (API key
    /// from <c>ApiKey</c>, else managed identity through <see cref="Azure.Identity.DefaultAzureCredential"/>).
    /// </summary>
    /// <param name="workflow">The workflow builder.</param>
    /// <param name="configuration">The host configuration.</param>
    internal static void ConfigureWorkflow(SchemaWorkflow.DependencyInjection.ISchemaWorkflowBuilder workflow, IConfiguration configuration)
    {
        var section = configuration.GetSection(SchemaWorkflowOptions.SectionName);
        if (section.GetSection("AzureBlob").Exists())
        {
            workflow.UseAzureBlobStore(configuration);
        }

        var ai = section.GetSection("AzureOpenAI");
        if (ai["Endpoint"] is { Length: > 0 } endpoint)
        {
            workflow.UseAzureOpenAI(o =>
            {
                o.Endpoint = new Uri(endpoint);
                o.Deployment = ai["Deployment"];
                o.ApiKey = ai["ApiKey"];
                if (string.IsNullOrEmpty(o.ApiKey))
                {
                    o.Credential = new Azure.Identity.DefaultAzureCredential();
                }
            })
            .UseChatClientGenerator()
            .UseCatalogGenerator();
        }
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/product-types", (InstrumentCatalog catalog) =>
            TypedResults.Ok(catalog.Classes
                .OrderBy(c => c.DisplayName, StringComparer.OrdinalIgnoreCase)
                .Select(c => new ProductTypeInfo(c.Key.Value, c.DisplayName, c.Family, c.IsaCodes))
                .ToList()))
            .WithTags("Catalog").WithName("ListProductTypes").WithSummary("Lists the product types the built-in catalog knows.");

        var schemas = app.MapGroup("/schemas").WithTags("Schemas");

        schemas.MapGet("/{productType}", async Task<Results<Ok<SchemaResult>, ProblemHttpResult>> (
            string productType, string? session, bool? force, ISchemaWorkflow workflow, CancellationToken ct) =>
        {
            try
            {
                var result = await workflow.GetOrGenerateAsync(productType, new SchemaRequestOptions { SessionId = session, ForceRegenerate = force ?? false }, ct);
                return result.Succeeded ? TypedResults.Ok(result) : Problem(result);
            }
            catch (ArgumentException ex)
            {
                return BadInput(ex);
            }
        }).WithName("GetSchema").WithSummary("Gets or generates the schema of one product type.");

        schemas.MapPost("/{productType}/validate", async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> (
            string productType, ValidationRequest request, ISchemaWorkflow workflow, CancellationToken ct) =>
        {
            try
            {
                var requirements = RequirementSet.From(request.Requirements ?? new Dictionary<string, string>(), request.Text);
                var report = await workflow.ValidateRequirementsAsync(productType, requirements, new SchemaRequestOptions { SessionId = request.SessionId }, ct);
                return TypedResults.Ok(ValidationResponse.From(report));
            }
            catch (ArgumentException ex)
            {
                return BadInput(ex);
            }
            catch (SchemaWorkflowException ex)
            {
                return Problem(new SchemaResult { RequestedName = productType, Source = SchemaSource.None, Error = ex.Error });
            }
        }).WithName("ValidateRequirements").WithSummary("Validates a buyer's requirements (name → value pairs and/or free text) against the schema.");

        schemas.MapGet("/{productType}/json-schema", async Task<IResult> (string productType, ISchemaWorkflow workflow, CancellationToken ct) =>
        {
            try
            {
                var result = await workflow.GetOrGenerateAsync(productType, cancellationToken: ct);
                return result.Succeeded
                    ? Results.Text(JsonSchemaExporter.ExportText(result.Schema!), "application/schema+json")
                    : Problem(result);
            }
            catch (ArgumentException ex)
            {
                return BadInput(ex);
            }
        }).WithName("GetJsonSchema").WithSummary("Exports the schema as JSON Schema (draft 2020-12) for validating requirement documents.");

        schemas.MapPost("/batch", (BatchRequest request, ISchemaWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            if (request.ProductTypes is not { Count: > 0 })
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad input", detail: "productTypes must list at least one product type.");
            }

            var options = new SchemaRequestOptions { SessionId = request.SessionId, Strategy = request.Strategy, ForceRegenerate = request.Force };
            return Results.Stream(async body =>
            {
                // Newline-delimited JSON, flushed per result, so clients see each schema as soon as it completes.
                await foreach (var result in workflow.StreamAsync(request.ProductTypes, options, cancellationToken: ct))
                {
                    await JsonSerializer.SerializeAsync(body, result, SchemaWorkflowJsonContext.Default.SchemaResult, ct);
                    await body.WriteAsync("\n"u8.ToArray(), ct);
                    await body.FlushAsync(ct);
                }
            }, "application/x-ndjson");
        }).WithName("GenerateBatch").WithSummary("Streams the schemas of many product types as they complete (NDJSON).");

        app.MapDelete("/sessions/{id}", (string id, ISchemaWorkflow workflow) =>
        {
            try
            {
                workflow.ClearSession(id);
                return Results.NoContent();
            }
            catch (ArgumentException ex)
            {
                return BadInput(ex);
            }
        }).WithTags("Sessions").WithName("ClearSession").WithSummary("Evicts every schema cached for a session.");
    }

    internal static ProblemHttpResult Problem(SchemaResult result)
    {
        var error = result.Error!;
        var status = error.Code switch
        {
            SchemaErrorCode.UnknownProductType => StatusCodes.Status404NotFound,
            SchemaErrorCode.InvalidInput => StatusCodes.Status400BadRequest,
            SchemaErrorCode.StoreUnavailable => StatusCodes.Status503ServiceUnavailable,
            SchemaErrorCode.Timeout => StatusCodes.Status504GatewayTimeout,
            _ => StatusCodes.Status502BadGateway,
        };
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code.ToString() };
        if (error.Suggestions.Count > 0)
        {
            extensions["suggestions"] = error.Suggestions;
        }

        return TypedResults.Problem(statusCode: status, title: error.Code.ToString(), detail: error.Message, extensions: extensions);
    }

    internal static ProblemHttpResult BadInput(ArgumentException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad input", detail: ex.Message);
}

/// <summary>The body of <c>POST /schemas/batch</c>.</summary>
/// <param name="ProductTypes">The product types.</param>
/// <param name="SessionId">An optional session.</param>
/// <param name="Strategy">An optional strategy override.</param>
/// <param name="Force">Regenerate even when cached or stored.</param>
public sealed record BatchRequest(IReadOnlyList<string>? ProductTypes, string? SessionId = null, ExecutionStrategyKind? Strategy = null, bool Force = false);

/// <summary>A product type the catalog knows.</summary>
/// <param name="Key">The canonical key.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Family">The family, e.g. transmitter.</param>
/// <param name="IsaCodes">ISA-5.1 letter codes.</param>
public sealed record ProductTypeInfo(string Key, string DisplayName, string Family, IReadOnlyList<string> IsaCodes);

/// <summary>The body of <c>POST /schemas/{productType}/validate</c>.</summary>
/// <param name="Requirements">Field name → value, names in any form buyers use.</param>
/// <param name="Text">Optional free text such as "4-20mA HART, 0-150 °C, IP66".</param>
/// <param name="SessionId">Optional session.</param>
public sealed record ValidationRequest(IReadOnlyDictionary<string, string>? Requirements, string? Text = null, string? SessionId = null);

/// <summary>What the validate endpoint answers: the verdict, one sentence per finding, and the full report.</summary>
/// <param name="IsValid">True when nothing mandatory is missing and nothing is invalid.</param>
/// <param name="Summary">One line.</param>
/// <param name="Messages">One entry per finding: kind (provided, missing, invalid, unrecognised, conditional) and a sentence.</param>
/// <param name="Report">The full report as JSON.</param>
public sealed record ValidationResponse(bool IsValid, string Summary, IReadOnlyList<ValidationMessage> Messages, System.Text.Json.Nodes.JsonNode? Report)
{
    internal static ValidationResponse From(ValidationReport report)
    {
        var messages = new List<ValidationMessage>();
        messages.AddRange(report.Invalid.Select(i => new ValidationMessage("invalid", i.Message)));
        messages.AddRange(report.Missing.Select(m => new ValidationMessage("missing", $"{m.DisplayName} is required but missing (expected {m.Expected}).")));
        messages.AddRange(report.Unrecognised.Select(u => new ValidationMessage("unrecognised", u.Message)));
        messages.AddRange(report.Conditional.Select(c => new ValidationMessage("conditional", c.Message)));
        messages.AddRange(report.Provided.Select(p => new ValidationMessage("provided", $"{p.DisplayName}: {p.OriginalText}")));
        return new ValidationResponse(report.IsValid, report.Summary, messages, System.Text.Json.Nodes.JsonNode.Parse(ValidationReportJson.Serialize(report, indented: false)));
    }
}

/// <summary>One finding of a validation.</summary>
/// <param name="Kind">provided, missing, invalid, unrecognised or conditional.</param>
/// <param name="Text">A sentence a buyer understands.</param>
public sealed record ValidationMessage(string Kind, string Text);
