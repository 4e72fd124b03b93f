using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Quality;
using SchemaWorkflow.Standards.Internal;

namespace SchemaWorkflow.Standards;

/// <summary>
/// The embedded default enricher: for each field group, one retrieval against the standards knowledge base, then
/// typed values (narrowed allowed values, ranges, limits, defaults, formulas), each with a citation and confidence.
/// Groups run concurrently through the context's strategy, each under its own timeout; a group that fails or times
/// out leaves its fields untouched and is reported. Every value passes <see cref="SchemaQualityGate.ValidateValue"/>
/// or is rejected, reported and logged — never stored.
/// </summary>
public sealed class StandardsSchemaEnricher : ISchemaEnricher
{
    /// <summary>The enricher's name.</summary>
    public const string EnricherName = "standards";

    /// <summary>The version of the enrichment logic; part of the fingerprint.</summary>
    public const string LogicVersion = "1.0";

    private readonly StandardsKnowledgeBase _knowledgeBase;
    private readonly IStandardsRetriever _retriever;
    private readonly ILogger _logger;

    /// <summary>Creates the enricher over the embedded knowledge base.</summary>
    public StandardsSchemaEnricher()
        : this(StandardsKnowledgeBase.Embedded)
    {
    }

    /// <summary>Creates the enricher over a knowledge base, which also answers retrieval.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <param name="logger">Logs rejected values and failed groups; optional.</param>
    public StandardsSchemaEnricher(StandardsKnowledgeBase knowledgeBase, ILogger<StandardsSchemaEnricher>? logger = null)
        : this(knowledgeBase, knowledgeBase, logger)
    {
    }

    /// <summary>Creates the enricher with a host retriever; the knowledge base supplies standard titles and reasons.</summary>
    /// <param name="knowledgeBase">The knowledge base for standards metadata.</param>
    /// <param name="retriever">Finds facts per field group.</param>
    /// <param name="logger">Logs rejected values and failed groups; optional.</param>
    public StandardsSchemaEnricher(StandardsKnowledgeBase knowledgeBase, IStandardsRetriever retriever, ILogger<StandardsSchemaEnricher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(retriever);
        _knowledgeBase = knowledgeBase;
        _retriever = retriever;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Fingerprint = $"{EnricherName}/{LogicVersion}+kb.{knowledgeBase.Version}.{knowledgeBase.ContentHash}" +
                      (ReferenceEquals(retriever, knowledgeBase) ? string.Empty : "+retriever." + retriever.GetType().Name);
    }

    /// <inheritdoc />
    public string Name => EnricherName;

    /// <summary><c>standards/1.0+kb.&lt;version&gt;.&lt;content hash&gt;</c>, plus the retriever type when a host supplies one.</summary>
    public string Fingerprint { get; }

    /// <summary>The knowledge base in use.</summary>
    public StandardsKnowledgeBase KnowledgeBase => _knowledgeBase;

    /// <inheritdoc />
    public async ValueTask<EnrichmentOutcome> EnrichAsync(ProductSchema schema, EnrichmentContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(context.Strategy);
        var time = context.TimeProvider ?? TimeProvider.System;
        var started = time.GetTimestamp();
        var groups = schema.Groups;
        var results = new GroupOutcome[groups.Count];
        var items = new int[groups.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = i;
        }

        await context.Strategy.RunAsync(
            items,
            Math.Max(1, context.MaxConcurrency),
            async (i, ct) => results[i] = await EnrichGroupAsync(schema, groups[i], context, time, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var newGroups = new FieldGroup[groups.Count];
        var reports = new GroupEnrichmentReport[groups.Count];
        var supplied = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var populated = 0;
        var factsUsed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var outcome = results[i];
            newGroups[i] = outcome.Group ?? groups[i];
            reports[i] = outcome.Report;
            populated += outcome.Report.FieldsPopulated;
            factsUsed.UnionWith(outcome.Report.FactsUsed);
            foreach (var (standard, fields) in outcome.SuppliedFields)
            {
                if (!supplied.TryGetValue(standard, out var list))
                {
                    supplied[standard] = list = [];
                }

                list.AddRange(fields.Where(f => !list.Contains(f)));
            }
        }

        var enriched = schema with
        {
            Groups = newGroups,
            Standards = ApplicableStandards(schema, supplied),
        };
        var elapsed = time.GetElapsedTime(started);
        StandardsLog.Enriched(_logger, schema.Key.Value, populated, factsUsed.Count, elapsed.TotalMilliseconds);
        return new EnrichmentOutcome(enriched, new EnrichmentReport { Enricher = Name, Groups = reports, Duration = elapsed });
    }

    private async ValueTask<GroupOutcome> EnrichGroupAsync(ProductSchema schema, FieldGroup group, EnrichmentContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var limited = context.GroupTimeout > TimeSpan.Zero && context.GroupTimeout != Timeout.InfiniteTimeSpan;
        using var timeout = limited ? new CancellationTokenSource(context.GroupTimeout, time) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked?.Token ?? cancellationToken;
        try
        {
            var query = new StandardsQuery { ProductType = schema.Key, ProductDisplayName = schema.DisplayName, Group = group.Key, Fields = group.Fields };
            var pending = _retriever.RetrieveAsync(query, token);

            // A retriever that ignores its token must still not hold the group past its timeout.
            var matches = pending.IsCompletedSuccessfully
                ? pending.Result
                : await pending.AsTask().WaitAsync(token).ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
            return Apply(schema, group, matches, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout is { IsCancellationRequested: true })
        {
            StandardsLog.GroupTimedOut(_logger, group.Key, schema.Key.Value, context.GroupTimeout.TotalMilliseconds);
            return Failed(group, $"timed out after {context.GroupTimeout.TotalMilliseconds:0.###} ms", time.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            StandardsLog.GroupFailed(_logger, ex, group.Key, schema.Key.Value);
            return Failed(group, $"{ex.GetType().Name}: {ex.Message}", time.GetElapsedTime(started));
        }
    }

    private GroupOutcome Apply(ProductSchema schema, FieldGroup group, IReadOnlyList<FactMatch> matches, TimeSpan elapsed)
    {
        var fields = new SchemaField[group.Fields.Count];
        var factsUsed = new List<string>();
        var rejected = new List<string>();
        var supplied = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var populated = 0;
        for (var f = 0; f < group.Fields.Count; f++)
        {
            var field = group.Fields[f];
            List<FieldValue>? values = null;
            foreach (var match in matches)
            {
                if (!string.Equals(match.FieldKey, field.Key, StringComparison.Ordinal))
                {
                    continue;
                }

                var fact = match.Fact;
                var applied = false;
                foreach (var payload in fact.Payload)
                {
                    // Never attach a value to a field it was not written for.
                    if (!string.Equals(payload.Field, field.Key, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var lexical = match.Kind == FactMatchKind.Lexical;
                    var confidence = lexical ? fact.Confidence * FactValueBuilder.LexicalConfidenceFactor : fact.Confidence;
                    var value = FactValueBuilder.TryBuild(field, payload, [Cite(fact, lexical)], confidence);
                    if (value is null)
                    {
                        continue;
                    }

                    var problem = SchemaQualityGate.ValidateValue(field, value);
                    if (problem is not null)
                    {
                        rejected.Add($"Fact '{fact.Id}' on '{field.Key}': {problem}");
                        StandardsLog.ValueRejected(_logger, field.Key, schema.Key.Value, fact.Id, problem);
                        continue;
                    }

                    values ??= [.. field.Values];
                    Merge(values, value);
                    applied = true;
                }

                if (applied)
                {
                    if (!factsUsed.Contains(fact.Id))
                    {
                        factsUsed.Add(fact.Id);
                    }

                    if (!supplied.TryGetValue(fact.Standard, out var list))
                    {
                        supplied[fact.Standard] = list = [];
                    }

                    if (!list.Contains(field.Key))
                    {
                        list.Add(field.Key);
                    }
                }
            }

            fields[f] = values is null ? field : field with { Values = values };
            if (fields[f].Values.Count > 0)
            {
                populated++;
            }
        }

        return new GroupOutcome(
            group with { Fields = fields },
            new GroupEnrichmentReport { Group = group.Key, FieldsPopulated = populated, FactsUsed = factsUsed, Rejected = rejected, Duration = elapsed },
            supplied);
    }

    private Citation Cite(StandardsFact fact, bool lexical)
    {
        var edition = fact.Edition ?? (_knowledgeBase.TryGetStandard(fact.Standard, out var s) ? s.Edition : null);
        return new Citation
        {
            Source = edition is null ? fact.Standard : $"{fact.Standard}:{edition}",
            Clause = fact.Clause,
            FactId = fact.Id,
            Note = lexical ? "Matched by text relevance (written for other product types): " + fact.Statement : fact.Statement,
        };
    }

    private static void Merge(List<FieldValue> values, FieldValue value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var existing = values[i];
            if (existing.Kind == value.Kind && existing.AllowedValues.SequenceEqual(value.AllowedValues, StringComparer.Ordinal) &&
                existing.Range == value.Range && existing.Number == value.Number && existing.Unit == value.Unit &&
                existing.Text == value.Text && existing.Formula == value.Formula)
            {
                // The same statement from another source: one value, more citations.
                if (!existing.Citations.Any(c => c.FactId is not null && c.FactId == value.Citations[0].FactId))
                {
                    values[i] = existing with
                    {
                        Citations = [.. existing.Citations, .. value.Citations],
                        Confidence = Math.Max(existing.Confidence, value.Confidence),
                    };
                }

                return;
            }
        }

        values.Add(value);
    }

    private IReadOnlyList<ApplicableStandard> ApplicableStandards(ProductSchema schema, Dictionary<string, List<string>> supplied)
    {
        var classKey = schema.Key.Value;
        var list = new List<ApplicableStandard>(schema.Standards);
        foreach (var standard in _knowledgeBase.Standards)
        {
            var hasFields = supplied.TryGetValue(standard.Id, out var fields);
            var listsClass = standard.Classes.Contains(classKey, StringComparer.Ordinal);
            if (!hasFields && !listsClass)
            {
                continue;
            }

            AddOrMerge(list, new ApplicableStandard
            {
                Standard = standard.Edition is null ? standard.Id : $"{standard.Id}:{standard.Edition}",
                Title = standard.Title,
                Reason = standard.Reason,
                Fields = fields is null ? [] : OrderBySchema(schema, fields),
            });
        }

        foreach (var (id, fields) in supplied)
        {
            if (!_knowledgeBase.TryGetStandard(id, out _))
            {
                AddOrMerge(list, new ApplicableStandard { Standard = id, Reason = "Cited by the facts applied to its fields.", Fields = OrderBySchema(schema, fields) });
            }
        }

        return list;
    }

    private static void AddOrMerge(List<ApplicableStandard> list, ApplicableStandard standard)
    {
        var i = list.FindIndex(s => string.Equals(s.Standard, standard.Standard, StringComparison.Ordinal));
        if (i < 0)
        {
            list.Add(standard);
        }
        else
        {
            list[i] = list[i] with { Fields = [.. list[i].Fields.Union(standard.Fields, StringComparer.Ordinal)] };
        }
    }

    private static string[] OrderBySchema(ProductSchema schema, List<string> fields) =>
        [.. schema.AllFields.Select(static f => f.Key).Where(fields.Contains)];

    private static GroupOutcome Failed(FieldGroup group, string error, TimeSpan elapsed) => new(
        null,
        new GroupEnrichmentReport { Group = group.Key, FieldsPopulated = group.Fields.Count(static f => f.Values.Count > 0), Duration = elapsed, Error = error },
        new Dictionary<string, List<string>>(0));

    private readonly record struct GroupOutcome(FieldGroup? Group, GroupEnrichmentReport Report, Dictionary<string, List<string>> SuppliedFields);
}
