using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SchemaWorkflow;
using SchemaWorkflow.Caching;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Diagnostics;
using SchemaWorkflow.Generation;
using SchemaWorkflow.Internal;
using SchemaWorkflow.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SchemaWorkflow in an <see cref="IServiceCollection"/>.</summary>
public static class SchemaWorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISchemaWorkflow"/> with the embedded defaults: the file-system store under <c>./schemas</c>,
    /// the memory session cache, the catalog generator and the standards enricher. Every default is registered with
    /// <c>TryAdd</c>, so a host's own registration wins.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets options in code; applied after configuration binding.</param>
    /// <returns>A builder to choose the store, generators, enricher and strategy.</returns>
    public static ISchemaWorkflowBuilder AddSchemaWorkflow(this IServiceCollection services, Action<SchemaWorkflowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<SchemaWorkflowOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchemaWorkflowOptions>, SchemaWorkflowOptionsValidator>());
        services.AddOptions<FileSystemSchemaStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileSystemSchemaStoreOptions>, FileSystemSchemaStoreOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new SchemaWorkflowDiagnostics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<ISessionCache, MemorySessionCache>();
        services.TryAddSingleton<ISchemaStore, FileSystemSchemaStore>();
        CatalogBuilderExtensions.AddCatalogServices(services);
        services.TryAddSingleton<IProductTypeResolver>(static sp => new CatalogProductTypeResolver(sp.GetRequiredService<InstrumentCatalog>()));
        StandardsBuilderExtensions.TryAddStandardsEnricher(services);

        if (FindRegistrations(services) is not { } registrations)
        {
            registrations = new GeneratorChainRegistrations();
            services.AddSingleton(registrations);
        }

        registrations.Default ??= static sp => sp.GetRequiredService<CatalogSchemaGenerator>();

        services.TryAddSingleton(static sp =>
        {
            var registrations = sp.GetRequiredService<GeneratorChainRegistrations>();
            var factories = registrations.Factories.Count > 0
                ? registrations.Factories
                : registrations.Default is { } fallback ? [fallback] : [];
            return new SchemaGeneratorChain(factories.Select(f => f(sp)));
        });
        services.TryAddSingleton<ISchemaWorkflow, SchemaWorkflowService>();
        return new SchemaWorkflowBuilder(services);
    }

    /// <summary>
    /// Adds <see cref="ISchemaWorkflow"/> with options bound from the <c>SchemaWorkflow</c> section of
    /// <paramref name="configuration"/> (and the file store from <c>SchemaWorkflow:FileSystemStore</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root or any section that holds a <c>SchemaWorkflow</c> section.</param>
    /// <param name="configure">Sets options in code; applied after binding.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder AddSchemaWorkflow(this IServiceCollection services, IConfiguration configuration, Action<SchemaWorkflowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SchemaWorkflowOptions.SectionName);
        services.AddOptions<SchemaWorkflowOptions>().Bind(section);
        services.AddOptions<FileSystemSchemaStoreOptions>().Bind(section.GetSection("FileSystemStore"));
        return services.AddSchemaWorkflow(configure);
    }

    internal static GeneratorChainRegistrations? FindRegistrations(IServiceCollection services) =>
        services.LastOrDefault(static d => d.ServiceType == typeof(GeneratorChainRegistrations))?.ImplementationInstance as GeneratorChainRegistrations;
}
