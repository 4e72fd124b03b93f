using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Generation;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Catalog;

public sealed class CatalogDependencyInjectionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sw-catalog-di-" + Guid.NewGuid().ToString("N"));

    public CatalogDependencyInjectionTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_catalog_is_the_embedded_default_resolver_and_generator()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore();
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<InstrumentCatalog>();
        Assert.Same(catalog, provider.GetRequiredService<InstrumentCatalog>());
        Assert.IsType<CatalogProductTypeResolver>(provider.GetRequiredService<IProductTypeResolver>());
        var chain = provider.GetRequiredService<SchemaGeneratorChain>();
        var generator = Assert.Single(chain.Generators);
        Assert.IsType<CatalogSchemaGenerator>(generator);
        Assert.Same(provider.GetRequiredService<CatalogSchemaGenerator>(), generator);
    }

    [Fact]
    public async Task A_workflow_with_defaults_serves_a_catalog_schema_for_what_a_buyer_wrote()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore().WithoutEnricher();
        await using var provider = services.BuildServiceProvider();
        var workflow = provider.GetRequiredService<ISchemaWorkflow>();

        var result = await workflow.GetOrGenerateAsync("TT 4-20mA HART");
        var schema = result.EnsureSuccess();
        Assert.Equal("temperature_transmitter", schema.Key.Value);
        Assert.Equal("catalog", schema.Provenance.Generator);

        var alias = await workflow.GetOrGenerateAsync("Temperature Transmitters");
        Assert.Equal("temperature_transmitter", alias.Key?.Value);
        Assert.Equal(SchemaSource.Store, alias.Source);
    }

    [Fact]
    public void A_host_registered_resolver_wins_over_the_catalog_resolver()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IProductTypeResolver, SlugProductTypeResolver>();
        services.AddSchemaWorkflow().UseInMemoryStore();
        using var provider = services.BuildServiceProvider();
        Assert.IsType<SlugProductTypeResolver>(provider.GetRequiredService<IProductTypeResolver>());
    }

    [Fact]
    public void Another_generator_replaces_the_default_and_the_catalog_can_be_chained_after_it()
    {
        var services = new ServiceCollection();
        var fake = new FakeSchemaGenerator();
        services.AddSchemaWorkflow().UseInMemoryStore().UseGenerator(_ => fake).UseCatalogGenerator();
        using var provider = services.BuildServiceProvider();
        var chain = provider.GetRequiredService<SchemaGeneratorChain>();
        Assert.Equal(2, chain.Generators.Count);
        Assert.Same(fake, chain.Generators[0]);
        Assert.IsType<CatalogSchemaGenerator>(chain.Generators[1]);
    }

    [Fact]
    public async Task Use_catalog_generator_adds_host_files_to_resolution_and_generation()
    {
        var path = Path.Combine(_folder, "plant.json");
        await File.WriteAllTextAsync(path, HostCatalogFileTests.AddedClass);
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore().WithoutEnricher().UseCatalogGenerator(o => o.AddFile(path));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var generator = Assert.IsType<CatalogSchemaGenerator>(Assert.Single(provider.GetRequiredService<SchemaGeneratorChain>().Generators));
        Assert.Equal("catalog/1.0+data.2026.11.2+host.plant-7", generator.Fingerprint);
        var result = await provider.GetRequiredService<ISchemaWorkflow>().GetOrGenerateAsync("steam traps");
        Assert.Equal("steam_trap", result.EnsureSuccess().Key.Value);
    }

    [Fact]
    public void A_broken_host_file_fails_at_start_naming_file_class_field_and_problem()
    {
        var path = Path.Combine(_folder, "plant.json");
        File.WriteAllText(path, HostCatalogFileTests.AddedClass.Replace("\"unit\": \"kg/h\"", "\"unit\": \"lb/h\"", StringComparison.Ordinal));
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore().UseCatalogGenerator(o => o.AddFile(path));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("class 'steam_trap'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("field 'condensate_load'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'lb/h' is not in the unit list", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_host_files_start_up_validation_passes()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore().UseCatalogGenerator();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Empty(provider.GetRequiredService<IOptions<CatalogOptions>>().Value.Files);
    }
}
