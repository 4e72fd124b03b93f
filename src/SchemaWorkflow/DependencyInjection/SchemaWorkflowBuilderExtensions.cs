using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SchemaWorkflow.Caching;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Generation;
using SchemaWorkflow.Storage;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>The builder grammar: <c>Use…</c> picks an implementation, <c>With…</c> sets an option, <c>Without…</c> turns a part off.</summary>
public static class SchemaWorkflowBuilderExtensions
{
    /// <summary>Stores schemas as JSON files in a folder (the default, under <c>./schemas</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="rootPath">The folder; created when missing.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseFileSystemStore(this ISchemaWorkflowBuilder builder, string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        return builder.UseFileSystemStore(o => o.RootPath = rootPath);
    }

    /// <summary>Stores schemas as JSON files in a folder, with options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the folder and limits.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseFileSystemStore(this ISchemaWorkflowBuilder builder, Action<FileSystemSchemaStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder.UseStore<FileSystemSchemaStore>();
    }

    /// <summary>Keeps schemas in process memory only.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseInMemoryStore(this ISchemaWorkflowBuilder builder) => builder.UseStore<InMemorySchemaStore>();

    /// <summary>Uses a store type resolved from the container.</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(this ISchemaWorkflowBuilder builder)
        where TStore : class, ISchemaStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TStore>();
        builder.Services.RemoveAll<ISchemaStore>();
        builder.Services.AddSingleton<ISchemaStore>(static sp => sp.GetRequiredService<TStore>());
        return builder;
    }

    /// <summary>Uses a store built by a factory.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Builds the store.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseStore(this ISchemaWorkflowBuilder builder, Func<IServiceProvider, ISchemaStore> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAll<ISchemaStore>();
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>
    /// Appends a generator to the fallback chain. Generators are tried in the order added; when none is added the
    /// default (catalog) generator serves alone.
    /// </summary>
    /// <typeparam name="TGenerator">The generator type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseGenerator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TGenerator>(this ISchemaWorkflowBuilder builder)
        where TGenerator : class, ISchemaGenerator
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TGenerator>();
        return builder.UseGenerator(static sp => sp.GetRequiredService<TGenerator>());
    }

    /// <summary>Appends a generator built by a factory to the fallback chain.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Builds the generator.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseGenerator(this ISchemaWorkflowBuilder builder, Func<IServiceProvider, ISchemaGenerator> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        Registrations(builder).Factories.Add(factory);
        return builder;
    }

    /// <summary>Replaces the enricher.</summary>
    /// <typeparam name="TEnricher">The enricher type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseEnricher<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TEnricher>(this ISchemaWorkflowBuilder builder)
        where TEnricher : class, ISchemaEnricher
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<ISchemaEnricher>();
        builder.Services.TryAddSingleton<TEnricher>();
        builder.Services.AddSingleton<ISchemaEnricher>(static sp => sp.GetRequiredService<TEnricher>());
        return builder;
    }

    /// <summary>Replaces the enricher with one built by a factory.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Builds the enricher.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseEnricher(this ISchemaWorkflowBuilder builder, Func<IServiceProvider, ISchemaEnricher> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAll<ISchemaEnricher>();
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>Turns enrichment off: schemas are stored as generated.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder WithoutEnricher(this ISchemaWorkflowBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<ISchemaEnricher>();
        return builder;
    }

    /// <summary>Replaces the session cache.</summary>
    /// <typeparam name="TCache">The cache type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseSessionCache<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCache>(this ISchemaWorkflowBuilder builder)
        where TCache : class, ISessionCache
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<ISessionCache>();
        builder.Services.AddSingleton<ISessionCache, TCache>();
        return builder;
    }

    /// <summary>Replaces the product type resolver.</summary>
    /// <typeparam name="TResolver">The resolver type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseResolver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TResolver>(this ISchemaWorkflowBuilder builder)
        where TResolver : class, IProductTypeResolver
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IProductTypeResolver>();
        builder.Services.AddSingleton<IProductTypeResolver, TResolver>();
        return builder;
    }

    /// <summary>Adds or replaces an execution strategy (by its <see cref="IExecutionStrategy.Kind"/>).</summary>
    /// <typeparam name="TStrategy">The strategy type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseExecutionStrategy<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStrategy>(this ISchemaWorkflowBuilder builder)
        where TStrategy : class, IExecutionStrategy
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IExecutionStrategy, TStrategy>());
        return builder;
    }

    /// <summary>Selects the default execution strategy.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="strategy">Async, Parallel or Sequential.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder WithStrategy(this ISchemaWorkflowBuilder builder, ExecutionStrategyKind strategy)
        => builder.Configure(o => o.Strategy = strategy);

    /// <summary>Sets the global limit on generations running at once.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="maxConcurrency">The limit, 1 to 1024.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder WithMaxConcurrency(this ISchemaWorkflowBuilder builder, int maxConcurrency)
        => builder.Configure(o => o.MaxConcurrency = maxConcurrency);

    /// <summary>Sets options in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets options.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder Configure(this ISchemaWorkflowBuilder builder, Action<SchemaWorkflowOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Sets the generator used when no <c>UseGenerator</c> call added one (for satellite packages' defaults).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Builds the default generator.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder WithDefaultGenerator(this ISchemaWorkflowBuilder builder, Func<IServiceProvider, ISchemaGenerator> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        Registrations(builder).Default = factory;
        return builder;
    }

    private static GeneratorChainRegistrations Registrations(ISchemaWorkflowBuilder builder) =>
        Microsoft.Extensions.DependencyInjection.SchemaWorkflowServiceCollectionExtensions.FindRegistrations(builder.Services)
        ?? throw new InvalidOperationException("Call AddSchemaWorkflow() before configuring its builder.");
}
