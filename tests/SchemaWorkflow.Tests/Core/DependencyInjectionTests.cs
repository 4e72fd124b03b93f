using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SchemaWorkflow.Caching;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Core;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void Invalid_options_fail_with_messages_naming_the_setting_and_limit()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow(o =>
        {
            o.MaxConcurrency = 0;
            o.RequestTimeout = TimeSpan.Zero;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ISchemaWorkflow>());
        Assert.Contains("SchemaWorkflow:MaxConcurrency is 0; it must be between 1 and 1024.", ex.Failures);
        Assert.Contains(ex.Failures, f => f.StartsWith("SchemaWorkflow:RequestTimeout is 00:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_bind_from_configuration_section()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SchemaWorkflow:MaxConcurrency"] = "5",
            ["SchemaWorkflow:Strategy"] = "Parallel",
            ["SchemaWorkflow:SessionCache:SizeLimit"] = "42",
            ["SchemaWorkflow:FileSystemStore:RootPath"] = "/tmp/sw-config-test",
        }).Build();
        var services = new ServiceCollection();
        services.AddSchemaWorkflow(config);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SchemaWorkflowOptions>>().Value;
        Assert.Equal(5, options.MaxConcurrency);
        Assert.Equal(ExecutionStrategyKind.Parallel, options.Strategy);
        Assert.Equal(42, options.SessionCache.SizeLimit);
        Assert.Equal("/tmp/sw-config-test", provider.GetRequiredService<IOptions<FileSystemSchemaStoreOptions>>().Value.RootPath);
    }

    [Fact]
    public void Bad_configuration_value_is_reported_readably()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SchemaWorkflow:EnrichmentConcurrency"] = "500",
        }).Build();
        var services = new ServiceCollection();
        services.AddSchemaWorkflow(config);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SchemaWorkflowOptions>>().Value);
        Assert.Contains("SchemaWorkflow:EnrichmentConcurrency is 500; it must be between 1 and 64.", ex.Failures);
    }

    [Fact]
    public void Hosts_own_registration_before_AddSchemaWorkflow_wins()
    {
        var services = new ServiceCollection();
        var store = new FakeSchemaStore();
        services.AddSingleton<ISchemaStore>(store);
        services.AddSchemaWorkflow();
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<ISchemaStore>());
    }

    [Fact]
    public void Builder_Use_methods_replace_defaults()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore().UseSessionCache<CountingCache>();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<InMemorySchemaStore>(provider.GetRequiredService<ISchemaStore>());
        Assert.IsType<CountingCache>(provider.GetRequiredService<ISessionCache>());
    }

    [Fact]
    public void Defaults_need_no_configuration()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow();
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<ISchemaWorkflow>());
        Assert.IsType<FileSystemSchemaStore>(provider.GetRequiredService<ISchemaStore>());
        Assert.IsType<MemorySessionCache>(provider.GetRequiredService<ISessionCache>());
    }

    [Fact]
    public void Invalid_file_store_options_are_reported()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseFileSystemStore(o => o.MaxFileBytes = 1);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ISchemaStore>());
        Assert.Contains(ex.Failures, f => f.Contains("MaxFileBytes is 1", StringComparison.Ordinal));
    }

    private sealed class CountingCache : ISessionCache
    {
        public bool TryGet(string sessionId, ProductTypeKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SchemaResult? result)
        {
            result = null;
            return false;
        }

        public void Set(string sessionId, ProductTypeKey key, SchemaResult result)
        {
        }

        public void Clear(string sessionId)
        {
        }
    }
}
