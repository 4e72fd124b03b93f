using System.Runtime.CompilerServices;
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
    private readonly ConditionalWeakTable<SchemaField, FieldMemo> _memo = new();

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
            (i, ct) =>
            {
                var pending = EnrichGroupAsync(schema, groups[i], context, time, ct);
                if (pending.IsCompletedSuccessfully)
                {
                    results[i] = pending.Result;
                    return ValueTask.CompletedTask;
                }

                return StoreAsync(pending, results, i);
            },
            cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var newGroups = new FieldGroup[groups.Count];
        var reports = new GroupEnrichmentReport[groups.Count];
        var supplied = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var populated = 0;
        var logEnriched = _logger.IsEnabled(LogLevel.Debug);
        var factsUsed = logEnriched ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (var i = 0; i < groups.Count; i++)
        {
            var outcome = results[i];
            newGroups[i] = outcome.Group ?? groups[i];
            reports[i] = outcome.Report;
            populated += outcome.Report.FieldsPopulated;
            factsUsed?.UnionWith(outcome.Report.FactsUsed);
            if (outcome.SuppliedFields is { } pairs)
            {
                foreach (var (standard, field) in pairs)
                {
                    if (!supplied.TryGetValue(standard, out var list))
                    {
                        supplied[standard] = list = [];
                    }

                    if (!list.Contains(field))
                    {
                        list.Add(field);
                    }
                }
            }
        }

        var enriched = schema with
        {
            Groups = newGroups,
            Standards = ApplicableStandards(schema, supplied),
        };
        var elapsed = time.GetElapsedTime(started);
        if (factsUsed is not null)
        {
            StandardsLog.Enriched(_logger, schema.Key.Value, populated, factsUsed.Count, elapsed.TotalMilliseconds);
        }

        return new EnrichmentOutcome(enriched, new EnrichmentReport { Enricher = Name, Groups = reports, Duration = elapsed });
    }

    private static async ValueTask StoreAsync(ValueTask<GroupOutcome> pending, GroupOutcome[] results, int i) =>
        results[i] = await pending.ConfigureAwait(false);

    private ValueTask<GroupOutcome> EnrichGroupAsync(ProductSchema schema, FieldGroup group, EnrichmentContext context, TimeProvider time, CancellationToken cancellationToken) =>
        ReferenceEquals(_retriever, _knowledgeBase)
            ? new(EnrichGroupFromKnowledgeBase(schema, group, context, time, cancellationToken))
            : EnrichGroupFromRetrieverAsync(schema, group, context, time, cancellationToken);

    /// <summary>
    /// One group against the knowledge base itself, which answers synchronously from memory: no timer per group. The
    /// group timeout still applies: a retrieval that took longer is reported as timed out, as the timer would have.
    /// </summary>
    private GroupOutcome EnrichGroupFromKnowledgeBase(ProductSchema schema, FieldGroup group, EnrichmentContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var limited = context.GroupTimeout > TimeSpan.Zero && context.GroupTimeout != Timeout.InfiniteTimeSpan;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var matches = _knowledgeBase.Retrieve(new StandardsQuery { ProductType = schema.Key, ProductDisplayName = schema.DisplayName, Group = group.Key, Fields = group.Fields });
            cancellationToken.ThrowIfCancellationRequested();
            var elapsed = time.GetElapsedTime(started);
            if (limited && elapsed >= context.GroupTimeout)
            {
                StandardsLog.GroupTimedOut(_logger, group.Key, schema.Key.Value, context.GroupTimeout.TotalMilliseconds);
                return Failed(group, $"timed out after {context.GroupTimeout.TotalMilliseconds:0.###} ms", elapsed);
            }

            return Apply(schema, group, matches, elapsed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            StandardsLog.GroupFailed(_logger, ex, group.Key, schema.Key.Value);
            return Failed(group, $"{ex.GetType().Name}: {ex.Message}", time.GetElapsedTime(started));
        }
    }

    private async ValueTask<GroupOutcome> EnrichGroupFromRetrieverAsync(ProductSchema schema, FieldGroup group, EnrichmentContext context, TimeProvider time, CancellationToken cancellationToken)
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
        var classKey = schema.Key.Value;
        var fields = new SchemaField[group.Fields.Count];
        var factsUsed = new List<string>();
        var rejected = new List<string>();
        List<(string Standard, string Field)>? supplied = null;
        var populated = 0;
        var fieldMatches = new List<FactMatch>();
        for (var f = 0; f < fields.Length; f++)
        {
            var field = group.Fields[f];

            // This field's matches, in retrieval order.
            fieldMatches.Clear();
            for (var m = 0; m < matches.Count; m++)
            {
                if (string.Equals(matches[m].FieldKey, field.Key, StringComparison.Ordinal))
                {
                    fieldMatches.Add(matches[m]);
                }
            }

            var result = fieldMatches.Count > 0 ? ApplyToField(classKey, field, fieldMatches) : null;
            if (result is null)
            {
                fields[f] = field;
            }
            else
            {
                fields[f] = result.Field;
                foreach (var (factId, standard) in result.Used)
                {
                    if (!factsUsed.Contains(factId))
                    {
                        factsUsed.Add(factId);
                    }

                    (supplied ??= []).Add((standard, field.Key));
                }

                foreach (var (factId, problem) in result.Rejected)
                {
                    rejected.Add($"Fact '{factId}' on '{field.Key}': {problem}");
                    StandardsLog.ValueRejected(_logger, field.Key, classKey, factId, problem);
                }
            }

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

    /// <summary>
    /// The typed, gated values of one field. The result is a pure function of the field and its matches, so it is
    /// remembered per field instance: a generator that shares its schemas (the catalog does) pays for typing and
    /// the type gate once per field, not on every generation.
    /// </summary>
    private FieldResult ApplyToField(string classKey, SchemaField field, List<FactMatch> matches)
    {
        if (_memo.TryGetValue(field, out var memo) && memo.Matches(classKey, matches))
        {
            return memo.Result;
        }

        List<FieldValue>? values = null;
        List<(string FactId, string Standard)>? used = null;
        List<(string FactId, string Problem)>? rejected = null;
        foreach (var match in matches)
        {
            var fact = match.Fact;
            var applied = false;
            var payloads = fact.Payload;
            for (var p = 0; p < payloads.Count; p++)
            {
                var payload = payloads[p];

                // Never attach a value to a field it was not written for.
                if (!string.Equals(payload.Field, field.Key, StringComparison.Ordinal))
                {
                    continue;
                }

                var lexical = match.Kind == FactMatchKind.Lexical;
                var confidence = lexical ? fact.Confidence * FactValueBuilder.LexicalConfidenceFactor : fact.Confidence;
                var value = FactValueBuilder.TryBuild(field, payload, Citations(fact, lexical), confidence);
                if (value is null)
                {
                    continue;
                }

                var problem = SchemaQualityGate.ValidateValue(field, value);
                if (problem is not null)
                {
                    (rejected ??= []).Add((fact.Id, problem));
                    continue;
                }

                values ??= [.. field.Values];
                Merge(values, value);
                applied = true;
            }

            if (applied)
            {
                (used ??= []).Add((fact.Id, fact.Standard));
            }
        }

        var result = new FieldResult(values is null ? field : field with { Values = values }, used ?? [], rejected ?? []);
        _memo.AddOrUpdate(field, new FieldMemo(classKey, [.. matches], result));
        return result;
    }

    /// <summary>The one citation of a value from <paramref name="fact"/>: prebuilt by the knowledge base for its own facts.</summary>
    private IReadOnlyList<Citation> Citations(StandardsFact fact, bool lexical) =>
        _knowledgeBase.PrebuiltCitations(fact, lexical) ?? [Cite(_knowledgeBase, fact, lexical)];

    /// <summary>The citation of a value from <paramref name="fact"/>, found directly or, when <paramref name="lexical"/>, by text relevance.</summary>
    /// <param name="knowledgeBase">Supplies the standard's cited name when the fact names no edition.</param>
    /// <param name="fact">The fact.</param>
    /// <param name="lexical">True for a lexical match.</param>
    /// <returns>The citation.</returns>
    internal static Citation Cite(StandardsKnowledgeBase knowledgeBase, StandardsFact fact, bool lexical)
    {
        return new Citation
        {
            Source = fact.Edition is { } edition ? $"{fact.Standard}:{edition}" : knowledgeBase.CitedName(fact.Standard),
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
            if (existing.Kind == value.Kind && SameStrings(existing.AllowedValues, value.AllowedValues) &&
                existing.Range == value.Range && existing.Number == value.Number && existing.Unit == value.Unit &&
                existing.Text == value.Text && existing.Formula == value.Formula)
            {
                // The same statement from another source: one value, more citations.
                if (!CitesFact(existing.Citations, value.Citations[0].FactId))
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

    private static bool SameStrings(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CitesFact(IReadOnlyList<Citation> citations, string? factId)
    {
        for (var i = 0; i < citations.Count; i++)
        {
            if (citations[i].FactId is { } id && id == factId)
            {
                return true;
            }
        }

        return false;
    }

    private IReadOnlyList<ApplicableStandard> ApplicableStandards(ProductSchema schema, Dictionary<string, List<string>> supplied)
    {
        var classKey = schema.Key.Value;
        Dictionary<string, int>? order = null;
        if (supplied.Count > 0)
        {
            var groups = schema.Groups;
            var count = 0;
            for (var g = 0; g < groups.Count; g++)
            {
                count += groups[g].Fields.Count;
            }

            order = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (var g = 0; g < groups.Count; g++)
            {
                var fields = groups[g].Fields;
                for (var f = 0; f < fields.Count; f++)
                {
                    order.TryAdd(fields[f].Key, order.Count);
                }
            }
        }

        var list = new List<ApplicableStandard>(schema.Standards);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            positions.TryAdd(list[i].Standard, i);
        }

        var listing = _knowledgeBase.StandardsListing(classKey);
        foreach (var standard in _knowledgeBase.Standards)
        {
            var hasFields = supplied.TryGetValue(standard.Id, out var fields);
            if (!hasFields && listing?.Contains(standard.Id) != true)
            {
                continue;
            }

            AddOrMerge(list, positions, new ApplicableStandard
            {
                Standard = _knowledgeBase.CitedName(standard.Id),
                Title = standard.Title,
                Reason = standard.Reason,
                Fields = fields is null ? [] : InSchemaOrder(order!, fields),
            });
        }

        foreach (var (id, fields) in supplied)
        {
            if (!_knowledgeBase.TryGetStandard(id, out _))
            {
                AddOrMerge(list, positions, new ApplicableStandard { Standard = id, Reason = "Cited by the facts applied to its fields.", Fields = InSchemaOrder(order!, fields) });
            }
        }

        return list;
    }

    private static void AddOrMerge(List<ApplicableStandard> list, Dictionary<string, int> positions, ApplicableStandard standard)
    {
        if (positions.TryGetValue(standard.Standard, out var i))
        {
            list[i] = list[i] with { Fields = [.. list[i].Fields.Union(standard.Fields, StringComparer.Ordinal)] };
        }
        else
        {
            positions[standard.Standard] = list.Count;
            list.Add(standard);
        }
    }

    private static string[] InSchemaOrder(Dictionary<string, int> order, List<string> fields)
    {
        var array = fields.ToArray();
        var positions = new int[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            positions[i] = order.GetValueOrDefault(array[i], int.MaxValue);
        }

        // Every supplied field is a field of the schema, so positions are distinct and any sort gives one order.
        Array.Sort(positions, array);
        return array;
    }

    private static GroupOutcome Failed(FieldGroup group, string error, TimeSpan elapsed) => new(
        null,
        new GroupEnrichmentReport { Group = group.Key, FieldsPopulated = group.Fields.Count(static f => f.Values.Count > 0), Duration = elapsed, Error = error },
        null);

    /// <param name="Group">The enriched group; null when the group failed.</param>
    /// <param name="Report">What enrichment did to the group.</param>
    /// <param name="SuppliedFields">Each standard that supplied a value, with the field it went to, in field order; merged per standard across groups.</param>
    private readonly record struct GroupOutcome(FieldGroup? Group, GroupEnrichmentReport Report, List<(string Standard, string Field)>? SuppliedFields);

    private sealed record FieldResult(SchemaField Field, IReadOnlyList<(string FactId, string Standard)> Used, IReadOnlyList<(string FactId, string Problem)> Rejected);

    private sealed class FieldMemo(string classKey, FactMatch[] matches, FieldResult result)
    {
        public FieldResult Result { get; } = result;

        public bool Matches(string otherClassKey, List<FactMatch> otherMatches)
        {
            if (!string.Equals(classKey, otherClassKey, StringComparison.Ordinal) || matches.Length != otherMatches.Count)
            {
                return false;
            }

            for (var i = 0; i < matches.Length; i++)
            {
                var a = matches[i];
                var b = otherMatches[i];
                if (!ReferenceEquals(a.Fact, b.Fact) || a.Kind != b.Kind || !string.Equals(a.FieldKey, b.FieldKey, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
