using System.Collections.Concurrent;
using SchemaWorkflow.Generation;

namespace SchemaWorkflow.Catalog;

/// <summary>
/// The offline generator: composes a schema from a catalog class (blocks merged, overrides applied, fields in
/// group order then datasheet order). Each class's schema is built once and the immutable instance is reused, so a
/// generation after the first costs a dictionary lookup. Standards are left empty for the standards enricher.
/// </summary>
public sealed class CatalogSchemaGenerator : ISchemaGenerator
{
    /// <summary>The generator's name.</summary>
    public const string GeneratorName = "catalog";

    /// <summary>The version of the composition logic; the data version is appended in <see cref="Fingerprint"/>.</summary>
    public const string GeneratorVersion = "1.0";

    private readonly InstrumentCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly CatalogSuggester _suggester;
    private readonly ConcurrentDictionary<ProductTypeKey, ProductSchema> _built = new();

    /// <summary>Creates the generator.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="timeProvider">The clock for <see cref="SchemaProvenance.GeneratedAt"/>; the system clock when null.</param>
    public CatalogSchemaGenerator(InstrumentCatalog catalog, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _time = timeProvider ?? TimeProvider.System;
        _suggester = new CatalogSuggester(catalog);
        Fingerprint = $"{GeneratorName}/{GeneratorVersion}+data.{catalog.Version}";
    }

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public ValueTask<ProductSchema> GenerateAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return new(Generate(request.Key));
    }

    /// <summary>The schema of a class; built on first use and then shared.</summary>
    /// <param name="key">A catalog class key.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="ProductTypeNotSupportedException">The catalog has no such class; carries the closest keys.</exception>
    public ProductSchema Generate(ProductTypeKey key)
    {
        if (_built.TryGetValue(key, out var schema))
        {
            return schema;
        }

        if (!_catalog.TryGetClass(key, out var cls))
        {
            var text = key.IsEmpty ? string.Empty : key.Value;
            throw new ProductTypeNotSupportedException(text, GeneratorName, _suggester.Suggest(text.Replace('_', ' ')));
        }

        return _built.GetOrAdd(key, static (_, state) => state.Self.Build(state.Class), (Self: this, Class: cls));
    }

    private ProductSchema Build(InstrumentClass cls)
    {
        var groups = new List<FieldGroup>(FieldGroups.All.Count);
        foreach (var group in FieldGroups.All)
        {
            var fields = cls.Fields.Where(f => string.Equals(f.Group, group, StringComparison.Ordinal)).Select(ToSchemaField).ToArray();
            if (fields.Length > 0)
            {
                groups.Add(new FieldGroup { Key = group, DisplayName = FieldGroups.DisplayName(group), Fields = fields });
            }
        }

        return new ProductSchema
        {
            Key = cls.Key,
            DisplayName = cls.DisplayName,
            Description = cls.Description,
            Groups = groups,
            Standards = [],
            Provenance = new SchemaProvenance
            {
                Generator = GeneratorName,
                GeneratorFingerprint = Fingerprint,
                GeneratedAt = _time.GetUtcNow(),
                Sources = [$"catalog:{cls.Key.Value}@{_catalog.Version}"],
            },
        };
    }

    private static SchemaField ToSchemaField(CatalogField f) => new()
    {
        Key = f.Key,
        DisplayName = f.DisplayName,
        Description = f.Description,
        Group = f.Group,
        DataType = f.DataType,
        Unit = f.Unit,
        AcceptedUnits = f.AcceptedUnits,
        AllowedValues = f.AllowedValues,
        TypicalRange = f.TypicalRange,
        Requirement = f.Requirement,
        Condition = f.Condition,
        Synonyms = f.Synonyms,
        PropertyId = f.PropertyId,
    };
}
