using SchemaWorkflow.Catalog;
using SchemaWorkflow.Standards;
using SchemaWorkflow.Validation;
using static SchemaWorkflow.Tests.Validation.ValidationFields;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>Every unit the catalog may use is one the value parser reads, converts and checks.</summary>
public sealed class CatalogUnitParsingTests
{
    public static TheoryData<string> CatalogUnitSymbols => new(CatalogUnits.All);

    [Theory]
    [MemberData(nameof(CatalogUnitSymbols))]
    public void Every_catalog_unit_is_parsed_by_the_value_parser(string unit)
    {
        var field = Field("quantity_under_test", FieldDataType.Number, unit);

        var result = ValueParser.Parse(field, $"2 {unit}");

        Assert.True(result.Success, $"'2 {unit}' failed: {result.Message}");
        Assert.Equal(ParsedValueKind.Number, result.Value!.Kind);
        Assert.Equal(2, result.Value.Number);
        Assert.Equal(unit, result.Value.Unit);
        Assert.NotNull(ValueParser.DimensionOf(unit));
    }

    [Theory]
    [InlineData("A", UnitDimension.ElectricCurrent)]
    [InlineData("kW", UnitDimension.Power)]
    [InlineData("m/s", UnitDimension.Speed)]
    [InlineData("mm²", UnitDimension.Area)]
    [InlineData("dB", UnitDimension.LogarithmicLevel)]
    public void The_added_units_have_their_dimension(string unit, UnitDimension dimension)
    {
        Assert.True(CatalogUnits.IsKnown(unit));
        Assert.Equal(dimension, ValueParser.DimensionOf(unit));
    }

    [Theory]
    [InlineData("A", "16 A", "16 A")]
    [InlineData("A", "500 mA", "0.5 A")]
    [InlineData("A", "10 amps", "10 A")]
    [InlineData("kW", "7.5 kW", "7.5 kW")]
    [InlineData("kW", "750 W", "0.75 kW")]
    [InlineData("m/s", "3 m/s", "3 m/s")]
    [InlineData("m/s", "10 ft/s", "3.048 m/s")]
    [InlineData("mm²", "2.5 mm²", "2.5 mm²")]
    [InlineData("mm²", "1.5 mm2", "1.5 mm²")]
    [InlineData("mm²", "1.5 sq mm", "1.5 mm²")]
    [InlineData("dB", "85 dB(A)", "85 dB")]
    [InlineData("dB", "80 dBA", "80 dB")]
    [InlineData("dB", "max. 85 dB", "≤ 85 dB")]
    public void Values_in_the_added_units_are_read_and_converted(string unit, string input, string expected)
    {
        var result = ValueParser.Parse(Field("quantity_under_test", FieldDataType.Number, unit), input);

        Assert.True(result.Success, $"'{input}' failed: {result.Message}");
        Assert.Equal(expected, result.Value!.Display);
    }

    [Theory]
    [InlineData("A", "24 V DC", InvalidReason.WrongUnitDimension)]
    [InlineData("mm²", "2.5 mm", InvalidReason.WrongUnitDimension)]
    [InlineData("m/s", "5 m³/h", InvalidReason.WrongUnitDimension)]
    [InlineData("mm²", "-1 mm²", InvalidReason.OutOfRange)]
    public void A_value_of_another_dimension_or_a_negative_area_is_refused(string unit, string input, InvalidReason reason)
    {
        var result = ValueParser.Parse(Field("quantity_under_test", FieldDataType.Number, unit), input);

        Assert.False(result.Success);
        Assert.Equal(reason, result.Error);
    }
}
