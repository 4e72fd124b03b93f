using Microsoft.Extensions.Options;
using SchemaWorkflow.Storage;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>Validates <see cref="FileSystemSchemaStoreOptions"/> with messages that name the setting.</summary>
internal sealed class FileSystemSchemaStoreOptionsValidator : IValidateOptions<FileSystemSchemaStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, FileSystemSchemaStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RootPath))
        {
            failures.Add("SchemaWorkflow:FileSystemStore:RootPath is empty; set the folder that holds the schemas, e.g. \"schemas\".");
        }
        else if (options.RootPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"SchemaWorkflow:FileSystemStore:RootPath '{options.RootPath}' has characters a path cannot hold.");
        }

        if (options.MaxFileBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            failures.Add($"SchemaWorkflow:FileSystemStore:MaxFileBytes is {options.MaxFileBytes}; it must be between 1024 and 1073741824.");
        }

        if (options.LockTimeout <= TimeSpan.Zero)
        {
            failures.Add($"SchemaWorkflow:FileSystemStore:LockTimeout is {options.LockTimeout}; it must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
