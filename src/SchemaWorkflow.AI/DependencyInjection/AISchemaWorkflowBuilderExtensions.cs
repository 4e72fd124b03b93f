using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using SchemaWorkflow.AI;
using SchemaWorkflow.AI.Diagnostics;
using SchemaWorkflow.AI.Endpoints;
using SchemaWorkflow.AI.Resilience;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.Standards;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>
/// Builder extensions of SchemaWorkflow.AI: model endpoints (<c>UseAzureOpenAI</c>, <c>UseChatClient</c>), the LLM
/// generator (<c>UseChatClientGenerator</c>), the retrieval enricher (<c>UseRetrievalEnricher</c>) and their
/// context sources.
/// </summary>
public static class AISchemaWorkflowBuilderExtensions
{
    /// <summary>Registers the default model endpoint on an Azure OpenAI deployment.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets <c>Endpoint</c>, <c>Deployment</c>, <c>ApiKey</c> or <c>Credential</c>, and optionally resilience and concurrency.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseAzureOpenAI(this ISchemaWorkflowBuilder builder, Action<AzureOpenAIOptions> configure) =>
        builder.UseAzureOpenAI(ModelEndpoint.DefaultName, configure);

    /// <summary>Registers a named model endpoint on an Azure OpenAI deployment.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="endpointName">The endpoint's name, referred to by the generator's and enricher's <c>Endpoint</c> option.</param>
    /// <param name="configure">Sets the deployment and credentials.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseAzureOpenAI(this ISchemaWorkflowBuilder builder, string endpointName, Action<AzureOpenAIOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<AzureOpenAIOptions>(endpointName).Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureOpenAIOptions>, ModelEndpointOptionsValidator>());
        RegisterEndpoint(
            builder.Services,
            endpointName,
            sp => sp.GetRequiredService<IOptionsMonitor<AzureOpenAIOptions>>().Get(endpointName),
            static (_, options) => AzureOpenAIChatClientFactory.Create((AzureOpenAIOptions)options));
        return builder;
    }

    /// <summary>Registers the default model endpoint on any <see cref="IChatClient"/> (OpenAI, Ollama, a gateway, a fake).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Builds the provider's chat client; it should not retry on its own.</param>
    /// <param name="configure">Sets resilience, concurrency, the model id and telemetry.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseChatClient(this ISchemaWorkflowBuilder builder, Func<IServiceProvider, IChatClient> factory, Action<ModelEndpointOptions>? configure = null) =>
        builder.UseChatClient(ModelEndpoint.DefaultName, factory, configure);

    /// <summary>Registers a named model endpoint on any <see cref="IChatClient"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <param name="factory">Builds the provider's chat client.</param>
    /// <param name="configure">Sets resilience, concurrency, the model id and telemetry.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseChatClient(this ISchemaWorkflowBuilder builder, string endpointName, Func<IServiceProvider, IChatClient> factory, Action<ModelEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddOptions<ModelEndpointOptions>(endpointName).Configure(configure ?? (static _ => { })).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelEndpointOptions>, ModelEndpointOptionsValidator>());
        RegisterEndpoint(
            builder.Services,
            endpointName,
            sp => sp.GetRequiredService<IOptionsMonitor<ModelEndpointOptions>>().Get(endpointName),
            (sp, _) => factory(sp));
        return builder;
    }

    /// <summary>
    /// Appends the LLM generator to the fallback chain. Put a catalog or other offline generator after it, so a model
    /// outage or an invalid answer is served by the fallback (the result then says <see cref="SchemaSource.Fallback"/>).
    /// The catalog class, when one exists, is the skeleton unless an <see cref="ISchemaSkeletonSource"/> is registered.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the generator's options.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseChatClientGenerator(this ISchemaWorkflowBuilder builder, Action<ChatClientGeneratorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new ChatClientGeneratorOptions();
        configure?.Invoke(options);
        AIOptionsValidation.ThrowIfInvalid(options);
        return builder.UseGenerator(sp => new ChatClientSchemaGenerator(
            ResolveEndpoint(sp, options.Endpoint, nameof(UseChatClientGenerator)),
            options,
            sp.GetService<ISchemaSkeletonSource>() ?? CatalogSkeletons(sp, options),
            sp.GetService<IDatasheetContextProvider>(),
            sp.GetService<TimeProvider>()));
    }

    /// <summary>
    /// Replaces the enricher with the retrieval-augmented enricher. Passages come from the registered
    /// <see cref="IPassageRetriever"/>, or by default from the built-in standards knowledge base.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the enricher's options.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseRetrievalEnricher(this ISchemaWorkflowBuilder builder, Action<RetrievalEnricherOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new RetrievalEnricherOptions();
        configure?.Invoke(options);
        AIOptionsValidation.ThrowIfInvalid(options);
        return builder.UseEnricher(sp => new RetrievalSchemaEnricher(
            ResolveEndpoint(sp, options.Endpoint, nameof(UseRetrievalEnricher)),
            sp.GetService<IPassageRetriever>() ?? new KnowledgeBasePassageRetriever(
                sp.GetService<StandardsKnowledgeBase>() ?? StandardsKnowledgeBase.Embedded,
                sp.GetService<IStandardsRetriever>()),
            options));
    }

    /// <summary>Sets the passage retriever of the retrieval enricher.</summary>
    /// <typeparam name="TRetriever">The retriever type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UsePassageRetriever<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRetriever>(this ISchemaWorkflowBuilder builder)
        where TRetriever : class, IPassageRetriever
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IPassageRetriever>();
        builder.Services.AddSingleton<IPassageRetriever, TRetriever>();
        return builder;
    }

    /// <summary>Sets the passage retriever of the retrieval enricher from a factory.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Builds the retriever.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UsePassageRetriever(this ISchemaWorkflowBuilder builder, Func<IServiceProvider, IPassageRetriever> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAll<IPassageRetriever>();
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>Gives the LLM generator datasheet extracts as context.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Builds the provider.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseDatasheetContext(this ISchemaWorkflowBuilder builder, Func<IServiceProvider, IDatasheetContextProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAll<IDatasheetContextProvider>();
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>Gives the LLM generator trusted skeletons (normally the catalog's classes).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Builds the source.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseSchemaSkeletons(this ISchemaWorkflowBuilder builder, Func<IServiceProvider, ISchemaSkeletonSource> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAll<ISchemaSkeletonSource>();
        builder.Services.AddSingleton(factory);
        return builder;
    }

    private static CatalogSkeletonSource? CatalogSkeletons(IServiceProvider services, ChatClientGeneratorOptions options) =>
        options.UseCatalogSkeleton && services.GetService<InstrumentCatalog>() is { } catalog && services.GetService<CatalogSchemaGenerator>() is { } generator
            ? new CatalogSkeletonSource(catalog, generator)
            : null;

    private static ModelEndpoint ResolveEndpoint(IServiceProvider services, string name, string caller) =>
        services.GetKeyedService<ModelEndpoint>(name) ?? throw new InvalidOperationException(
            $"{caller} uses the model endpoint '{name}', but none is registered under that name. Call UseAzureOpenAI(...) or UseChatClient(...) on the AddSchemaWorkflow builder" +
            (name == ModelEndpoint.DefaultName ? "." : $" with the name '{name}'."));

    private static void RegisterEndpoint(IServiceCollection services, string name, Func<IServiceProvider, ModelEndpointOptions> options, Func<IServiceProvider, ModelEndpointOptions, IChatClient> chatClient)
    {
        if (!services.Any(static d => d.ServiceType == typeof(AIDiagnostics)))
        {
            services.AddSingleton(static sp => new AIDiagnostics(sp.GetService<IMeterFactory>()));
            services.AddResilienceEnricher();
        }

        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAllKeyed<ModelEndpointState>(name);
        services.AddKeyedSingleton(name, (sp, _) =>
        {
            var loggerFactory = sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            return new ModelEndpointState(name, options(sp), sp.GetRequiredService<AIDiagnostics>(), loggerFactory.CreateLogger("SchemaWorkflow.AI.ModelEndpoint"));
        });

        var pipelineKey = ModelEndpoint.PipelineName(name);
        if (!services.Any(d => d.ServiceType == typeof(PipelineMarker) && d.ServiceKey is string key && key == pipelineKey))
        {
            services.AddKeyedSingleton(pipelineKey, new PipelineMarker());
            services.AddResiliencePipeline(pipelineKey, (pipeline, context) =>
            {
                pipeline.TimeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
                ModelPipeline.Configure(pipeline, context.ServiceProvider.GetRequiredKeyedService<ModelEndpointState>(name));
            });
        }

        services.RemoveAllKeyed<ModelEndpoint>(name);
        services.AddKeyedSingleton(name, (sp, _) =>
        {
            var state = sp.GetRequiredKeyedService<ModelEndpointState>(name);
            var pipeline = sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(pipelineKey);
            var loggerFactory = sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            return new ModelEndpoint(state, chatClient(sp, state.Options), pipeline, loggerFactory, ownedDiagnostics: null);
        });
    }

    private sealed class PipelineMarker;
}
