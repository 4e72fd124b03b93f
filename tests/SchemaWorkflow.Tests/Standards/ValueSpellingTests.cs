using SchemaWorkflow.Standards.Internal;

namespace SchemaWorkflow.Tests.Standards;

/// <summary>How a stated value meets a field's own spelling: case, spaces, hyphens, dashes and underscores do not matter; numbers compare by value.</summary>
public class ValueSpellingTests
{
    [Theory]
    [InlineData("Class A", "class a")]
    [InlineData("Class A", "CLASS-A")]
    [InlineData("4-20 mA", "4–20mA")]
    [InlineData("4-20 mA", "4 — 20 MA")]
    [InlineData("IP66", "ip 66")]
    [InlineData("Pt100", "PT_100")]
    [InlineData("1", "1.0")]
    [InlineData("1e3", " 1000")]
    [InlineData("-0", "0")]
    [InlineData("NaN", "nan")]
    [InlineData("Infinity", "\u00A0infinity")]
    [InlineData("Ex d", "EX\tD")]
    [InlineData("Ä-Ü", "äü")]
    public void Spellings_that_name_the_same_value_match(string a, string b)
    {
        Assert.True(FactValueBuilder.SameValue(a, b));
        Assert.True(FactValueBuilder.SameValue(b, a));
    }

    [Theory]
    [InlineData("1", "2")]
    [InlineData("1.5", "15")]
    [InlineData("Class A", "Class B")]
    [InlineData("Class A", "Class AA")]
    [InlineData("IP66", "IP67")]
    [InlineData("", "x")]
    [InlineData("a-", "ab")]
    public void Different_values_do_not_match(string a, string b)
    {
        Assert.False(FactValueBuilder.SameValue(a, b));
        Assert.False(FactValueBuilder.SameValue(b, a));
    }

    [Fact]
    public void Spaces_hyphens_dashes_and_underscores_alone_are_the_same_empty_value()
    {
        Assert.True(FactValueBuilder.SameValue("-", "_ –"));
        Assert.True(FactValueBuilder.SameValue(string.Empty, " "));
    }
}
