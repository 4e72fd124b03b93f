using Microsoft.Extensions.Options;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>Validates <see cref="SchemaWorkflowOptions"/> with messages that name the setting, its value and the limit.</summary>
internal sealed class SchemaWorkflowOptionsValidator : IValidateOptions<SchemaWorkflowOptions>
{
    public ValidateOptionsResult Validate(string? name, SchemaWorkflowOptions options)
    {
        var failures = new List<string>();
        Range(failures, nameof(options.MaxConcurrency), options.MaxConcurrency, 1, 1024);
        Range(failures, nameof(options.EnrichmentConcurrency), options.EnrichmentConcurrency, 1, 64);
        Range(failures, nameof(options.MaxProductTypeLength), options.MaxProductTypeLength, 8, 4096);
        Range(failures, nameof(options.MaxBatchSize), options.MaxBatchSize, 1, 1_000_000);
        Positive(failures, nameof(options.RequestTimeout), options.RequestTimeout);
        Positive(failures, nameof(options.GenerationTimeout), options.GenerationTimeout);
        Positive(failures, nameof(options.EnrichmentTimeout), options.EnrichmentTimeout);
        Positive(failures, nameof(options.EnrichmentGroupTimeout), options.EnrichmentGroupTimeout);
        Positive(failures, nameof(options.StoreTimeout), options.StoreTimeout);
        Positive(failures, nameof(options.DistributedLockWait), options.DistributedLockWait);
        if (options.MaxStoredAge is { } age && age <= TimeSpan.Zero)
        {
            failures.Add($"SchemaWorkflow:MaxStoredAge is {age}; it must be positive, or left unset to keep stored schemas forever.");
        }

        if (!Enum.IsDefined(options.Strategy))
        {
            failures.Add($"SchemaWorkflow:Strategy is '{options.Strategy}'; use Async, Parallel or Sequential.");
        }

        if (options.SessionCache is null)
        {
            failures.Add("SchemaWorkflow:SessionCache is missing.");
        }
        else
        {
            Range(failures, "SessionCache:SizeLimit", options.SessionCache.SizeLimit, 1, 10_000_000);
            Range(failures, "SessionCache:MaxSessionIdLength", options.SessionCache.MaxSessionIdLength, 1, 1024);
            Positive(failures, "SessionCache:SlidingExpiration", options.SessionCache.SlidingExpiration);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"SchemaWorkflow:{name} is {value}; it must be between {min} and {max}.");
        }
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"SchemaWorkflow:{name} is {value}; it must be a positive time span such as 00:00:30.");
        }
    }
}
