using Microsoft.Extensions.AI;
using SchemaWorkflow.AI.Diagnostics;
using SchemaWorkflow.AI.Generation;
using SchemaWorkflow.AI.Prompts;
using SchemaWorkflow.AI.Serialization;
using SchemaWorkflow.Generation;

namespace SchemaWorkflow.AI;

/// <summary>
/// Generates a schema with a chat model: one call asking for structured JSON output (response_format json_schema),
/// with the catalog class as a skeleton and datasheet extracts as context when available; the answer is validated
/// (types, units, groups, unique keys, no prose in value slots); a failed answer gets one repair round-trip with the
/// problems; then the generator fails with <see cref="SchemaGenerationException"/> rather than return junk.
/// Model failures (retries spent, circuit open, permanent errors) also throw, so the fallback chain serves.
/// </summary>
public sealed class ChatClientSchemaGenerator : ISchemaGenerator
{
    /// <summary>The generator's version; part of the fingerprint.</summary>
    public const string Version = "1.0";

    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key that asks OpenAI-compatible clients for strict structured output.</summary>
    internal const string StrictKey = "strict";

    private readonly ModelEndpoint _endpoint;
    private readonly ChatClientGeneratorOptions _options;
    private readonly ISchemaSkeletonSource? _skeletons;
    private readonly IDatasheetContextProvider? _datasheets;
    private readonly TimeProvider _time;
    private readonly ChatOptions _chatOptions;

    /// <summary>Creates the generator.</summary>
    /// <param name="endpoint">The model endpoint (shared with the enricher for one limiter and breaker).</param>
    /// <param name="options">Options; null uses the defaults.</param>
    /// <param name="skeletons">The skeleton source (normally the catalog), or null.</param>
    /// <param name="datasheets">The datasheet context provider, or null.</param>
    /// <param name="timeProvider">The clock for provenance timestamps.</param>
    public ChatClientSchemaGenerator(ModelEndpoint endpoint, ChatClientGeneratorOptions? options = null, ISchemaSkeletonSource? skeletons = null, IDatasheetContextProvider? datasheets = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _options = options ?? new ChatClientGeneratorOptions();
        AIOptionsValidation.ThrowIfInvalid(_options);
        _skeletons = skeletons;
        _datasheets = datasheets;
        _time = timeProvider ?? TimeProvider.System;
        Fingerprint = $"{_options.Name}/{Version}+model.{endpoint.ModelId}+prompt.{GenerationPrompts.Version}" +
                      (skeletons is null ? string.Empty : "+skeleton." + skeletons.Fingerprint);
        _chatOptions = new ChatOptions
        {
            ResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat.ForJsonSchema(AnswerSchemas.SchemaAnswer, AnswerSchemas.SchemaAnswerName, "A specification schema of a process instrument product type."),
            Temperature = _options.Temperature,
            MaxOutputTokens = _options.MaxOutputTokens,
        };
        if (_options.StrictJsonSchema)
        {
            _chatOptions.AdditionalProperties = new AdditionalPropertiesDictionary { [StrictKey] = true };
        }
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public async ValueTask<ProductSchema> GenerateAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var skeleton = _skeletons is null ? null : await _skeletons.GetSkeletonAsync(request, cancellationToken).ConfigureAwait(false);
        if (skeleton is null && _options.RequireSkeleton)
        {
            throw new ProductTypeNotSupportedException(request.RequestedName, Name);
        }

        var extracts = _datasheets is null ? [] : await _datasheets.GetExtractsAsync(request, cancellationToken).ConfigureAwait(false);
        var sources = new List<string> { "model:" + _endpoint.ModelId };
        if (skeleton is not null)
        {
            sources.Add("skeleton:" + skeleton.Provenance.Generator + "/" + skeleton.Key.Value);
        }

        sources.AddRange(extracts.Take(_options.MaxDatasheetExtracts).Select(static e => "datasheet:" + UntrustedText.Truncate(e.Source, 120)));
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, GenerationPrompts.System),
            new(ChatRole.User, GenerationPrompts.User(request, skeleton, extracts, _options)),
        };

        var calls = 0;
        IReadOnlyList<string> problems = [];
        for (var round = 0; round < 2; round++)
        {
            ChatResponse response;
            calls++;
            try
            {
                response = await _endpoint.ChatClient.GetResponseAsync(messages, _chatOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelCallException ex)
            {
                throw new SchemaGenerationException(Name, ex.Kind, $"The {Name} generator could not get an answer for '{request.Key}': {ex.Message}", calls, innerException: ex);
            }

            if (response.FinishReason == ChatFinishReason.ContentFilter)
            {
                throw new SchemaGenerationException(Name, ModelFailureKind.ContentFiltered, $"The content filter of model endpoint '{_endpoint.Name}' blocked the answer for '{request.Key}'.", calls);
            }

            if (response.FinishReason == ChatFinishReason.Length)
            {
                throw new SchemaGenerationException(Name, ModelFailureKind.InvalidOutput, $"The answer for '{request.Key}' was cut off at {_options.MaxOutputTokens} output tokens; raise ChatClientGeneratorOptions.MaxOutputTokens.", calls);
            }

            var provenance = new SchemaProvenance
            {
                Generator = Name,
                GeneratorFingerprint = Fingerprint,
                GeneratedAt = _time.GetUtcNow(),
                Sources = sources,
            };
            var text = response.Text;
            var result = SchemaAnswerReader.Read(text, request.Key, skeleton, provenance, _options.MaxFields);
            if (result.NotAnInstrument)
            {
                throw new ProductTypeNotSupportedException(request.RequestedName, Name);
            }

            if (result.Schema is { } schema)
            {
                if (round > 0)
                {
                    _endpoint.Diagnostics.Repairs.Add(1, new KeyValuePair<string, object?>("outcome", "repaired"));
                }

                AILog.Generated(_endpoint.Logger, Name, request.Key.Value, schema.CountFields().Total, calls);
                return schema;
            }

            problems = result.Problems;
            if (round == 0)
            {
                AILog.Repairing(_endpoint.Logger, Name, request.Key.Value, problems.Count);
                messages.Add(new ChatMessage(ChatRole.Assistant, text));
                messages.Add(new ChatMessage(ChatRole.User, GenerationPrompts.Repair(problems)));
            }
        }

        _endpoint.Diagnostics.Repairs.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
        AILog.RepairFailed(_endpoint.Logger, Name, request.Key.Value, problems.Count);
        var detail = _endpoint.Options.LogSensitiveData
            ? " Problems: " + string.Join(" ", problems.Take(5))
            : " (SchemaGenerationException.Problems lists them.)";
        throw new SchemaGenerationException(
            Name,
            ModelFailureKind.InvalidOutput,
            $"The model's answer for '{request.Key}' failed validation with {problems.Count} problem(s) after a repair round-trip, so nothing was stored.{detail}",
            calls,
            problems);
    }
}
