using Microsoft.Extensions.Options;
using SchemaWorkflow.Catalog;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>Loads the catalog with the configured host files at start, so a bad host file fails the host with its problems named.</summary>
internal sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        if (options.Files.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            _ = new InstrumentCatalog(options);
            return ValidateOptionsResult.Success;
        }
        catch (CatalogValidationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Problems.Select(static p => "SchemaWorkflow catalog: " + p));
        }
    }
}
