namespace SchemaWorkflow.Datasheets.Tests.Infrastructure;

internal static class SchemaAssert
{
    public static SchemaField Field(ProductSchema schema, string key) =>
        schema.FindField(key) ?? throw new Xunit.Sdk.XunitException($"The schema has no field '{key}'. Fields: {string.Join(", ", schema.AllFields.Select(static f => f.Key))}");

    /// <summary>The value one vendor's document gave a field: every citation names that document.</summary>
    public static FieldValue FromDocument(ProductSchema schema, string field, string vendor, string document)
    {
        var source = $"{vendor} {document}";
        var values = Field(schema, field).Values.Where(v => v.Citations.Count > 0 && v.Citations.All(c => c.Source == source)).ToList();
        return Assert.Single(values);
    }

    /// <summary>The union value of a field across vendors (for numbers: in <paramref name="unit"/>).</summary>
    public static FieldValue Union(ProductSchema schema, string field, string? unit = null)
    {
        var values = Field(schema, field).Values.Where(v => v.Label?.StartsWith("offered by ", StringComparison.Ordinal) == true && (unit is null || v.Range?.Unit == unit)).ToList();
        return Assert.Single(values);
    }

    public static void Range(FieldValue value, double? min, double? max, string unit)
    {
        Assert.Equal(FieldValueKind.Range, value.Kind);
        Assert.NotNull(value.Range);
        Assert.Equal(min, value.Range!.Min);
        Assert.Equal(max, value.Range.Max);
        Assert.Equal(unit, value.Range.Unit);
    }

    public static void Limit(FieldValue value, double number, string? unit)
    {
        Assert.Equal(FieldValueKind.Limit, value.Kind);
        Assert.Equal(number, value.Number);
        Assert.Equal(unit, value.Unit);
    }

    public static void Values(FieldValue value, params string[] expected)
    {
        Assert.Equal(FieldValueKind.AllowedValues, value.Kind);
        Assert.Equal(expected, value.AllowedValues);
    }

    public static void CitesPages(FieldValue value, params string[] sourceAndPage) =>
        Assert.Equal(sourceAndPage, value.Citations.Select(static c => $"{c.Source} {c.Clause}"));
}
