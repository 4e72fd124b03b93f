using Microsoft.Extensions.DependencyInjection;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>Returned by <c>AddSchemaWorkflow</c>; its extension methods choose the store, generators, enricher and strategy.</summary>
public interface ISchemaWorkflowBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}

internal sealed class SchemaWorkflowBuilder(IServiceCollection services) : ISchemaWorkflowBuilder
{
    public IServiceCollection Services { get; } = services;
}
