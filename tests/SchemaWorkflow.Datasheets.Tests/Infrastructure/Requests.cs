using SchemaWorkflow.Execution;
using SchemaWorkflow.Generation;

namespace SchemaWorkflow.Datasheets.Tests.Infrastructure;

internal static class Requests
{
    public static SchemaGenerationRequest For(string key, ExecutionStrategyKind strategy = ExecutionStrategyKind.Async, int maxConcurrency = 4) => new()
    {
        Key = ProductTypeKey.Parse(key),
        RequestedName = key.Replace('_', ' '),
        Strategy = ExecutionStrategies.For(strategy),
        MaxConcurrency = maxConcurrency,
    };
}
