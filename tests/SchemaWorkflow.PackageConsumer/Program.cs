using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow;
using SchemaWorkflow.DependencyInjection;

// A host that references SchemaWorkflow as a package: embedded defaults with an in-memory store.
var services = new ServiceCollection();
services.AddSchemaWorkflow().UseInMemoryStore();
await using var provider = services.BuildServiceProvider();
var workflow = provider.GetRequiredService<ISchemaWorkflow>();

var first = await workflow.GetOrGenerateAsync("Temperature Transmitter", new SchemaRequestOptions { SessionId = "consumer" });
var second = await workflow.GetOrGenerateAsync("temperature transmitters", new SchemaRequestOptions { SessionId = "consumer" });
if (!first.Succeeded || first.Source != SchemaSource.Generated || second.Source != SchemaSource.SessionCache)
{
    Console.Error.WriteLine($"consumer check failed: {first.Source} {first.Error?.Message} / {second.Source}");
    return 1;
}

Console.WriteLine($"consumer-ok {first.Key} fields={first.Fields!.Total} populated={first.Fields.Populated}");
return 0;
