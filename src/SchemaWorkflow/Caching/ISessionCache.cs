namespace SchemaWorkflow.Caching;

/// <summary>
/// Per-user-session cache of results. A hit must return the stored instance without allocating, so a session that
/// asks again for a schema it has seen pays only a lookup.
/// </summary>
public interface ISessionCache
{
    /// <summary>Looks up a result cached for a session.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="key">The product type.</param>
    /// <param name="result">The cached result, built with <see cref="SchemaSource.SessionCache"/>.</param>
    /// <returns>True on a hit.</returns>
    bool TryGet(string sessionId, ProductTypeKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SchemaResult? result);

    /// <summary>Caches a result for a session.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="key">The product type.</param>
    /// <param name="result">The result to return on later hits.</param>
    void Set(string sessionId, ProductTypeKey key, SchemaResult result);

    /// <summary>Evicts every entry of a session at once.</summary>
    /// <param name="sessionId">The session.</param>
    void Clear(string sessionId);
}
