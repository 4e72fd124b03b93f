using Microsoft.Extensions.Options;
using SchemaWorkflow.Datasheets;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>Validates <see cref="DatasheetGeneratorOptions"/> at start, with messages that name the setting.</summary>
internal sealed class DatasheetOptionsValidator : IValidateOptions<DatasheetGeneratorOptions>
{
    public ValidateOptionsResult Validate(string? name, DatasheetGeneratorOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
