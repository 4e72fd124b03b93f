using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Standards;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>Registers the standards enricher and its knowledge base.</summary>
public static class StandardsBuilderExtensions
{
    /// <summary>
    /// Uses the standards enricher (the embedded default), optionally with host fact files
    /// (<see cref="StandardsOptions.AddFile"/>) or retrieval options. The knowledge base is built and validated when
    /// the enricher is first resolved; a bad host file fails with a <see cref="StandardsValidationException"/> naming
    /// the file and fact. A registered <see cref="IStandardsRetriever"/> replaces the knowledge base's own retrieval.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adds host files or changes retrieval options.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseStandardsEnricher(this ISchemaWorkflowBuilder builder, Action<StandardsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StandardsOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.RemoveAll<StandardsKnowledgeBase>();
        services.AddSingleton(KnowledgeBaseFactory);
        services.RemoveAll<ISchemaEnricher>();
        services.AddSingleton<ISchemaEnricher>(EnricherFactory);
        return builder;
    }

    /// <summary>The embedded default: registered by <c>AddSchemaWorkflow</c> unless a host registered its own enricher.</summary>
    /// <param name="services">The services.</param>
    internal static void TryAddStandardsEnricher(IServiceCollection services)
    {
        services.AddOptions<StandardsOptions>();
        services.TryAddSingleton(KnowledgeBaseFactory);
        services.TryAddSingleton<ISchemaEnricher>(EnricherFactory);
    }

    private static StandardsKnowledgeBase KnowledgeBaseFactory(IServiceProvider sp) =>
        StandardsKnowledgeBase.Load(sp.GetService<IOptions<StandardsOptions>>()?.Value);

    private static StandardsSchemaEnricher EnricherFactory(IServiceProvider sp)
    {
        var knowledgeBase = sp.GetRequiredService<StandardsKnowledgeBase>();
        var retriever = sp.GetService<IStandardsRetriever>() ?? knowledgeBase;
        return new StandardsSchemaEnricher(knowledgeBase, retriever, sp.GetService<ILogger<StandardsSchemaEnricher>>());
    }
}
