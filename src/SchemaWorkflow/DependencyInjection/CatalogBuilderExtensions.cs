using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SchemaWorkflow.Catalog;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>Builder extensions for the built-in instrument catalog.</summary>
public static class CatalogBuilderExtensions
{
    /// <summary>
    /// Appends the catalog generator to the generator chain and, optionally, adds host catalog files that add or
    /// override classes. The catalog is already the default generator and resolver; call this to place it in a
    /// chain with other generators or to add host files.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adds host files with <see cref="CatalogOptions.AddFile"/>.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseCatalogGenerator(this ISchemaWorkflowBuilder builder, Action<CatalogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCatalogServices(builder.Services);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder.UseGenerator(static sp => sp.GetRequiredService<CatalogSchemaGenerator>());
    }

    /// <summary>Registers the catalog, its generator, its options and their start-up check (idempotent).</summary>
    /// <param name="services">The services.</param>
    internal static void AddCatalogServices(IServiceCollection services)
    {
        services.AddOptions<CatalogOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>());
        services.TryAddSingleton(static sp => new InstrumentCatalog(sp.GetRequiredService<IOptions<CatalogOptions>>().Value));
        services.TryAddSingleton(static sp => new CatalogSchemaGenerator(sp.GetRequiredService<InstrumentCatalog>(), sp.GetService<TimeProvider>()));
    }
}
