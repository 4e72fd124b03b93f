using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Execution;
using SchemaWorkflow.Standards;

namespace SchemaWorkflow.Tests.Standards;

/// <summary>Builders for knowledge-base files, schemas and retrievers used by the standards tests.</summary>
internal static class StandardsTestSupport
{
    public const string BaseFile = """
        {
          "version": "1.0.0",
          "standards": [
            { "id": "STD A", "edition": "2020", "title": "Standard A", "reason": "Defines widget codes for widgets.", "classes": ["widget"] },
            { "id": "STD B", "title": "Standard B", "reason": "Defines enclosure codes for anything.", "classes": ["*"] }
          ],
          "facts": [
            {
              "id": "a.codes", "standard": "STD A", "clause": "4.2",
              "statement": "Widget codes are W1, W2 and W3.",
              "classes": ["widget"], "fields": ["widget_code", "widget_range"], "keywords": ["widget", "code"],
              "confidence": 0.95, "verification": "V",
              "payload": [
                { "kind": "allowedValues", "field": "widget_code", "values": ["W1", "W2", "W3"], "label": "widget codes" },
                { "kind": "range", "field": "widget_range", "min": 0, "max": 100, "unit": "°C", "label": "widget range" }
              ]
            },
            {
              "id": "b.enclosure", "standard": "STD B",
              "statement": "Enclosure codes are E1 and E2.",
              "classes": ["*"], "fields": ["enclosure"], "keywords": ["enclosure"],
              "confidence": 0.8, "verification": "V2",
              "payload": [ { "kind": "allowedValues", "field": "enclosure", "values": ["E1", "E2"], "label": "enclosure codes" } ]
            }
          ]
        }
        """;

    public static StandardsKnowledgeBase Kb(params string[] extraFiles) =>
        StandardsKnowledgeBase.FromFiles([new StandardsDataFile("base.json", BaseFile), .. extraFiles.Select((json, i) => new StandardsDataFile($"extra{i + 1}.json", json))]);

    /// <summary>A file that extends the base with the given facts (JSON array text) and standards.</summary>
    public static string Extension(string factsJson, string standardsJson = "[]") =>
        $$"""{ "extends": "1.0.0", "standards": {{standardsJson}}, "facts": {{factsJson}} }""";

    public static string Fact(string id, string payloadJson, string fields = "[\"widget_code\"]", string classes = "[\"widget\"]", string confidence = "0.95", string verification = "V", string standard = "STD A", string statement = "A statement about widgets.", string keywords = "[]") =>
        $$"""
        { "id": "{{id}}", "standard": "{{standard}}", "statement": "{{statement}}", "classes": {{classes}}, "fields": {{fields}},
          "keywords": {{keywords}}, "confidence": {{confidence}}, "verification": "{{verification}}", "payload": {{payloadJson}} }
        """;

    public static SchemaField Enum(string key, string group, params string[] allowed) => new()
    {
        Key = key, DisplayName = Display(key), Description = "A test field.", Group = group, DataType = FieldDataType.Enum, AllowedValues = allowed,
    };

    public static SchemaField Text(string key, string group) => new()
    {
        Key = key, DisplayName = Display(key), Description = "A test field.", Group = group, DataType = FieldDataType.Text,
    };

    public static SchemaField Range(string key, string group, string? unit, params string[] acceptedUnits) => new()
    {
        Key = key, DisplayName = Display(key), Description = "A test field.", Group = group, DataType = FieldDataType.Range, Unit = unit, AcceptedUnits = acceptedUnits,
    };

    public static SchemaField Number(string key, string group, string? unit) => new()
    {
        Key = key, DisplayName = Display(key), Description = "A test field.", Group = group, DataType = FieldDataType.Number, Unit = unit,
    };

    public static SchemaField Boolean(string key, string group) => new()
    {
        Key = key, DisplayName = Display(key), Description = "A test field.", Group = group, DataType = FieldDataType.Boolean,
    };

    public static ProductSchema Schema(string key, params SchemaField[] fields) => new()
    {
        Key = ProductTypeKey.Parse(key),
        DisplayName = Display(key),
        Groups =
        [
            .. fields.GroupBy(static f => f.Group)
                .OrderBy(static g => FieldGroups.OrderOf(g.Key))
                .Select(static g => new FieldGroup { Key = g.Key, DisplayName = FieldGroups.DisplayName(g.Key), Fields = [.. g] }),
        ],
        Provenance = new SchemaProvenance { Generator = "test", GeneratorFingerprint = "test/1", GeneratedAt = DateTimeOffset.UnixEpoch },
    };

    /// <summary>A temperature transmitter as the reference tables describe it, for tests that run before the catalog is merged.</summary>
    public static ProductSchema TemperatureTransmitter() => Schema(
        "temperature_transmitter",
        Text("tag_number", FieldGroups.Identification),
        Enum("sensor_input_type", FieldGroups.ProcessParameters, "Pt100", "Pt1000", "Type K", "Type J", "Type N", "mV"),
        Enum("rtd_connection_wires", FieldGroups.ProcessParameters, "2", "3", "4"),
        Range("calibrated_range", FieldGroups.ProcessParameters, "°C", "°F", "K"),
        Number("accuracy", FieldGroups.Performance, "°C"),
        Enum("output_signal", FieldGroups.Electrical, "4–20 mA", "4–20 mA HART", "FOUNDATION Fieldbus H1", "PROFIBUS PA"),
        Enum("communication_protocol", FieldGroups.Electrical, "none", "HART 5", "HART 7", "FOUNDATION Fieldbus H1", "PROFIBUS PA"),
        Enum("failure_signal", FieldGroups.Electrical, "downscale", "upscale"),
        Range("saturation_limits", FieldGroups.Electrical, "mA"),
        Number("max_load_resistance", FieldGroups.Electrical, "Ω"),
        Enum("housing_material", FieldGroups.Mechanical, "aluminium", "stainless steel 316"),
        Range("ambient_temperature_range", FieldGroups.Environmental, "°C"),
        Enum("ingress_protection", FieldGroups.Environmental, "IP65", "IP66", "IP67", "IP66/IP67", "IP68", "IP69K", "NEMA 4X"),
        Enum("emc_compliance", FieldGroups.Compliance, "IEC 61326-1", "IEC 61326-1 + NAMUR NE 21"),
        Enum("hazardous_area_certification", FieldGroups.Compliance, "none", "ATEX/IECEx Ex ia IIC T4 Ga", "ATEX/IECEx Ex db IIC T6 Gb", "FM/CSA Class I Div 1"),
        Enum("functional_safety", FieldGroups.Compliance, "none", "SIL 2", "SIL 3"),
        Enum("electrical_safety", FieldGroups.Compliance, "IEC 61010-1"));

    public static EnrichmentContext Context(ExecutionStrategyKind kind = ExecutionStrategyKind.Async, TimeProvider? time = null, TimeSpan? groupTimeout = null, int maxConcurrency = 8) => new()
    {
        Strategy = ExecutionStrategies.For(kind),
        MaxConcurrency = maxConcurrency,
        GroupTimeout = groupTimeout ?? TimeSpan.FromSeconds(30),
        TimeProvider = time ?? TimeProvider.System,
    };

    public static SchemaField Field(this ProductSchema schema, string key) =>
        schema.FindField(key) ?? throw new Xunit.Sdk.XunitException($"The schema has no field '{key}'.");

    private static string Display(string key) => char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' ');
}

/// <summary>Wraps a retriever; throws for some groups and holds others until cancelled (or forever).</summary>
internal sealed class ScriptedRetriever(IStandardsRetriever inner) : IStandardsRetriever
{
    private readonly TaskCompletionSource _hangEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _maxInFlight;

    public HashSet<string> Throwing { get; } = [];

    /// <summary>Groups that wait for cancellation.</summary>
    public HashSet<string> Hanging { get; } = [];

    /// <summary>Groups that never complete and ignore their token.</summary>
    public HashSet<string> Stuck { get; } = [];

    /// <summary>When set, every group waits for it (observing its token).</summary>
    public Task? Gate { get; set; }

    public Task HangEntered => _hangEntered.Task;

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public async ValueTask<IReadOnlyList<FactMatch>> RetrieveAsync(StandardsQuery query, CancellationToken cancellationToken = default)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            if (Throwing.Contains(query.Group))
            {
                throw new InvalidOperationException($"retrieval for {query.Group} failed on purpose");
            }

            if (Hanging.Contains(query.Group))
            {
                _hangEntered.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            if (Stuck.Contains(query.Group))
            {
                _hangEntered.TrySetResult();
                await new TaskCompletionSource().Task;
            }

            if (Gate is { } gate)
            {
                await gate.WaitAsync(cancellationToken);
            }

            return await inner.RetrieveAsync(query, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
