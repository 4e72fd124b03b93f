using System.Text.Json;
using Microsoft.Extensions.AI;
using SchemaWorkflow.AI.Diagnostics;
using SchemaWorkflow.AI.Enrichment;
using SchemaWorkflow.AI.Prompts;
using SchemaWorkflow.AI.Serialization;
using SchemaWorkflow.Enrichment;

namespace SchemaWorkflow.AI;

/// <summary>
/// Retrieval-augmented enrichment: per field group (run concurrently through the context's strategy) it retrieves
/// standards passages, asks the model for typed values that cite only those passages (by id), and keeps a value only
/// when every cited id was retrieved and the value passes the type gate. A group that fails (model down, timeout,
/// invalid answer) keeps its fields untouched and is reported; the others carry on.
/// </summary>
public sealed class RetrievalSchemaEnricher : ISchemaEnricher
{
    /// <summary>The enricher's version; part of the fingerprint.</summary>
    public const string Version = "1.0";

    private readonly ModelEndpoint _endpoint;
    private readonly IPassageRetriever _retriever;
    private readonly RetrievalEnricherOptions _options;
    private readonly ChatOptions _chatOptions;

    /// <summary>Creates the enricher.</summary>
    /// <param name="endpoint">The model endpoint (shared with the generator for one limiter and breaker).</param>
    /// <param name="retriever">Finds passages per group.</param>
    /// <param name="options">Options; null uses the defaults.</param>
    public RetrievalSchemaEnricher(ModelEndpoint endpoint, IPassageRetriever retriever, RetrievalEnricherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(retriever);
        _endpoint = endpoint;
        _retriever = retriever;
        _options = options ?? new RetrievalEnricherOptions();
        AIOptionsValidation.ThrowIfInvalid(_options);
        Fingerprint = $"{_options.Name}/{Version}+model.{endpoint.ModelId}+prompt.{EnrichmentPrompts.Version}+retriever.{retriever.Fingerprint}";
        _chatOptions = new ChatOptions
        {
            ResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat.ForJsonSchema(AnswerSchemas.EnrichmentAnswer, AnswerSchemas.EnrichmentAnswerName, "Typed values of specification fields, each citing the supplied passages."),
            Temperature = _options.Temperature,
            MaxOutputTokens = _options.MaxOutputTokens,
        };
        if (_options.StrictJsonSchema)
        {
            _chatOptions.AdditionalProperties = new AdditionalPropertiesDictionary { [ChatClientSchemaGenerator.StrictKey] = true };
        }
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public async ValueTask<EnrichmentOutcome> EnrichAsync(ProductSchema schema, EnrichmentContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var time = context.TimeProvider;
        var start = time.GetTimestamp();
        var groups = schema.Groups.ToArray();
        var reports = new GroupEnrichmentReport[groups.Length];
        var indexes = Enumerable.Range(0, groups.Length).ToArray();
        await context.Strategy.RunAsync(indexes, context.MaxConcurrency, async (i, ct) =>
        {
            var groupStart = time.GetTimestamp();
            using var timeout = new CancellationTokenSource(context.GroupTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            var group = groups[i];
            try
            {
                var (enriched, report) = await EnrichGroupAsync(schema, group, linked.Token).ConfigureAwait(false);
                groups[i] = enriched;
                reports[i] = report with { Duration = time.GetElapsedTime(groupStart) };
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                reports[i] = Failed(group, $"timed out after {context.GroupTimeout.TotalSeconds:0.###} s", time.GetElapsedTime(groupStart));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var (kind, message) = Describe(ex);
                AILog.GroupFailed(_endpoint.Logger, ex, Name, group.Key, schema.Key.Value, kind);
                reports[i] = Failed(group, message, time.GetElapsedTime(groupStart));
            }
        }, cancellationToken).ConfigureAwait(false);

        var report = new EnrichmentReport { Enricher = Name, Groups = reports, Duration = time.GetElapsedTime(start) };
        return new EnrichmentOutcome(schema with { Groups = groups }, report);
    }

    private async Task<(FieldGroup Group, GroupEnrichmentReport Report)> EnrichGroupAsync(ProductSchema schema, FieldGroup group, CancellationToken cancellationToken)
    {
        if (group.Fields.Count == 0)
        {
            return (group, new GroupEnrichmentReport { Group = group.Key });
        }

        var query = new PassageQuery
        {
            ProductType = schema.Key,
            ProductDisplayName = schema.DisplayName,
            Group = group.Key,
            Fields = group.Fields,
            MaxPassages = _options.MaxPassagesPerGroup,
        };
        var retrieved = await _retriever.RetrieveAsync(query, cancellationToken).ConfigureAwait(false);
        var passages = retrieved
            .Where(static p => !string.IsNullOrWhiteSpace(p.Id) && !string.IsNullOrWhiteSpace(p.Source) && !string.IsNullOrWhiteSpace(p.Text))
            .DistinctBy(static p => p.Id, StringComparer.Ordinal)
            .Take(_options.MaxPassagesPerGroup)
            .ToList();
        if (passages.Count == 0)
        {
            // Nothing to cite: no model call.
            return (group, new GroupEnrichmentReport { Group = group.Key, FieldsPopulated = group.Fields.Count(static f => f.Values.Count > 0) });
        }

        ChatMessage[] messages =
        [
            new(ChatRole.System, EnrichmentPrompts.System),
            new(ChatRole.User, EnrichmentPrompts.User(schema, group, passages, _options.MaxPassageCharacters)),
        ];
        var response = await _endpoint.ChatClient.GetResponseAsync(messages, _chatOptions, cancellationToken).ConfigureAwait(false);
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            throw new ModelCallException(ModelFailureKind.ContentFiltered, _endpoint.Name, 1, null, $"The content filter of model endpoint '{_endpoint.Name}' blocked the answer.");
        }

        if (response.FinishReason == ChatFinishReason.Length)
        {
            throw new ModelCallException(ModelFailureKind.InvalidOutput, _endpoint.Name, 1, null, $"The answer was cut off at {_options.MaxOutputTokens} output tokens; raise RetrievalEnricherOptions.MaxOutputTokens.");
        }

        var result = EnrichmentAnswerReader.Apply(response.Text, group, passages, _options);
        if (result.Rejected.Count > 0)
        {
            _endpoint.Diagnostics.RejectedValues.Add(result.Rejected.Count);
        }

        AILog.GroupEnriched(_endpoint.Logger, Name, group.Key, schema.Key.Value, result.Accepted, result.Rejected.Count, passages.Count);
        return (result.Group, new GroupEnrichmentReport
        {
            Group = group.Key,
            FieldsPopulated = result.Group.Fields.Count(static f => f.Values.Count > 0),
            FactsUsed = result.FactsUsed,
            Rejected = result.Rejected,
        });
    }

    private static GroupEnrichmentReport Failed(FieldGroup group, string error, TimeSpan duration) => new()
    {
        Group = group.Key,
        FieldsPopulated = group.Fields.Count(static f => f.Values.Count > 0),
        Duration = duration,
        Error = error,
    };

    private static (string Kind, string Message) Describe(Exception ex) => ex switch
    {
        ModelCallException call => (AIDiagnostics.OutcomeTag(call.Kind), call.Message),
        JsonException => ("invalid_output", "The model's answer was not valid JSON for the response schema."),
        _ => ("failure", ex.Message),
    };
}
