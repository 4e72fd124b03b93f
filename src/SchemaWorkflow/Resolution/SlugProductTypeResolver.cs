using System.Collections.Concurrent;

namespace SchemaWorkflow;

/// <summary>
/// A resolver with no catalog: the key is the text folded to snake_case (<see cref="ProductTypeText.ToKey"/>).
/// Used when a host replaces the catalog with generators that serve any product type. Answers are memoized, so a
/// repeated text resolves without allocating.
/// </summary>
public sealed class SlugProductTypeResolver : IProductTypeResolver
{
    private const int MemoLimit = 4096;
    private readonly ConcurrentDictionary<string, ProductTypeResolution> _memo = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<ProductTypeResolution> ResolveAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_memo.TryGetValue(text, out var known))
        {
            return new(known);
        }

        ProductTypeResolution resolution;
        try
        {
            resolution = new ProductTypeResolution { Key = ProductTypeText.ToKey(text), Confidence = 0.5 };
        }
        catch (ArgumentException)
        {
            // No ASCII letter or digit to form a key from: unresolved, never a throw.
            resolution = new ProductTypeResolution();
        }

        if (_memo.Count < MemoLimit)
        {
            _memo.TryAdd(text, resolution);
        }

        return new(resolution);
    }
}
