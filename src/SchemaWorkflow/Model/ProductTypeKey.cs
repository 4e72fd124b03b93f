using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using SchemaWorkflow.Serialization;

namespace SchemaWorkflow;

/// <summary>
/// The canonical identity of a product type, such as <c>temperature_transmitter</c>: lowercase ASCII letters,
/// digits and single underscores, 1 to <see cref="MaxLength"/> characters. Every store, cache and single-flight
/// entry is keyed by it, so two spellings of one product type share one schema.
/// </summary>
[JsonConverter(typeof(ProductTypeKeyJsonConverter))]
public readonly struct ProductTypeKey : IEquatable<ProductTypeKey>, IComparable<ProductTypeKey>
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    // The ordinal hash of the text, computed once: keys are hashed on every cache and single-flight lookup.
    private readonly int _hashCode;

    private ProductTypeKey(string value)
    {
        _value = value;
        _hashCode = StringComparer.Ordinal.GetHashCode(value);
    }

    /// <summary>The key text, for example <c>pressure_gauge</c>. Empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <c>default(ProductTypeKey)</c>, which names no product type.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Creates a key from canonical text.</summary>
    /// <param name="value">Canonical snake_case text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The text is not a canonical key; the message says which rule it breaks.</exception>
    public static ProductTypeKey Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!TryParse(value, out var key, out var problem))
        {
            throw new ArgumentException($"'{Describe(value)}' is not a canonical product type key: {problem}", nameof(value));
        }

        return key;
    }

    /// <summary>Tries to create a key from canonical text.</summary>
    /// <param name="value">Canonical snake_case text.</param>
    /// <param name="key">The key when the text is canonical.</param>
    /// <returns>True when the text is a canonical key.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out ProductTypeKey key) => TryParse(value, out key, out _);

    private static bool TryParse(string? value, out ProductTypeKey key, out string problem)
    {
        key = default;
        if (string.IsNullOrEmpty(value))
        {
            problem = "it is empty.";
            return false;
        }

        if (value.Length > MaxLength)
        {
            problem = $"it has {value.Length} characters; the limit is {MaxLength}.";
            return false;
        }

        if (value[0] == '_' || value[^1] == '_')
        {
            problem = "it starts or ends with an underscore.";
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '_' && value[i - 1] != '_');
            if (!ok)
            {
                problem = "only lowercase letters a-z, digits and single underscores are allowed.";
                return false;
            }
        }

        problem = string.Empty;
        key = new ProductTypeKey(value);
        return true;
    }

    private static string Describe(string value) => value.Length > 40 ? string.Concat(value.AsSpan(0, 40), "…") : value;

    /// <inheritdoc />
    public bool Equals(ProductTypeKey other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ProductTypeKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hashCode;

    /// <inheritdoc />
    public int CompareTo(ProductTypeKey other) => string.CompareOrdinal(_value, other._value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Equality.</summary>
    public static bool operator ==(ProductTypeKey left, ProductTypeKey right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ProductTypeKey left, ProductTypeKey right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(ProductTypeKey left, ProductTypeKey right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(ProductTypeKey left, ProductTypeKey right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(ProductTypeKey left, ProductTypeKey right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(ProductTypeKey left, ProductTypeKey right) => left.CompareTo(right) >= 0;
}
