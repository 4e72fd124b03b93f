using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.Datasheets;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>Builder extensions for the vendor-datasheet generator.</summary>
public static class DatasheetBuilderExtensions
{
    /// <summary>
    /// Appends the datasheet generator to the generator chain. Point it at folders (<see cref="DatasheetGeneratorOptions.AddFolder"/>)
    /// or URLs (<see cref="DatasheetGeneratorOptions.AddUrl"/>); add <c>.UseCatalogGenerator()</c> after it so types
    /// without datasheets fall back to the catalog. The vendor directory (<see cref="IVendorDirectory"/>), extra
    /// sources (<see cref="IDatasheetSource"/>) and extractors (<see cref="IDatasheetExtractor"/>) a host registers
    /// are used; options are validated at start.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets folders, URLs, limits and matching.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseDatasheetGenerator(this ISchemaWorkflowBuilder builder, Action<DatasheetGeneratorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(static d => d.ServiceType == typeof(DatasheetSchemaGenerator)))
        {
            // Already in the chain: a second call only adds configuration.
            return builder;
        }

        services.AddOptions<DatasheetGeneratorOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatasheetGeneratorOptions>, DatasheetOptionsValidator>());
        services.TryAddSingleton<IVendorDirectory>(static sp => new EmbeddedVendorDirectory(sp.GetRequiredService<IOptions<DatasheetGeneratorOptions>>().Value.VendorOverrides));
        services.TryAddSingleton(static sp => new DatasheetSourceSet(
            sp.GetRequiredService<IOptions<DatasheetGeneratorOptions>>().Value,
            sp.GetServices<IDatasheetSource>(),
            sp.GetService<TimeProvider>()));
        services.TryAddSingleton(static sp => new DatasheetSchemaGenerator(
            sp.GetRequiredService<IVendorDirectory>(),
            sp.GetRequiredService<DatasheetSourceSet>().Sources,
            sp.GetRequiredService<IOptions<DatasheetGeneratorOptions>>().Value,
            sp.GetService<InstrumentCatalog>(),
            sp.GetServices<IDatasheetExtractor>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<DatasheetSchemaGenerator>>()));
        return builder.UseGenerator(static sp => sp.GetRequiredService<DatasheetSchemaGenerator>());
    }

    /// <summary>Adds an extractor that runs beside the built-in layout extractor (for example one backed by a language model).</summary>
    /// <typeparam name="TExtractor">The extractor type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder AddDatasheetExtractor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TExtractor>(this ISchemaWorkflowBuilder builder)
        where TExtractor : class, IDatasheetExtractor
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDatasheetExtractor, TExtractor>());
        return builder;
    }

    /// <summary>Adds a datasheet source read beside the configured folders and URLs (for example a document management system).</summary>
    /// <typeparam name="TSource">The source type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder AddDatasheetSource<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSource>(this ISchemaWorkflowBuilder builder)
        where TSource : class, IDatasheetSource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDatasheetSource, TSource>());
        return builder;
    }
}
