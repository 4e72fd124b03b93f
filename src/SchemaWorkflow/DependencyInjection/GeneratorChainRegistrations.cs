using SchemaWorkflow.Generation;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>The generator factories added by <c>UseGenerator</c>, in order; the default generator is used when none was added.</summary>
internal sealed class GeneratorChainRegistrations
{
    public List<Func<IServiceProvider, ISchemaGenerator>> Factories { get; } = [];

    public Func<IServiceProvider, ISchemaGenerator>? Default { get; set; }
}
