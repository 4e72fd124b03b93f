namespace SchemaWorkflow.Tests.Core;

public sealed class ProductTypeKeyTests
{
    [Fact]
    public void Equal_keys_from_different_strings_hash_alike_and_match_in_a_dictionary()
    {
        var a = ProductTypeKey.Parse("pressure_gauge");
        var b = ProductTypeKey.Parse(new string("pressure_gauge".AsSpan()));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(StringComparer.Ordinal.GetHashCode("pressure_gauge"), a.GetHashCode());
        var map = new Dictionary<ProductTypeKey, int> { [a] = 1 };
        Assert.True(map.TryGetValue(b, out var value));
        Assert.Equal(1, value);
        Assert.False(map.ContainsKey(ProductTypeKey.Parse("pressure_gauges")));
    }

    [Fact]
    public void The_default_key_hashes_to_zero_and_equals_only_itself()
    {
        Assert.Equal(0, default(ProductTypeKey).GetHashCode());
        Assert.Equal(default, default(ProductTypeKey));
        Assert.NotEqual(default, ProductTypeKey.Parse("a"));
    }
}
