using Microsoft.Extensions.Options;

namespace SchemaWorkflow.AI;

/// <summary>Validates endpoint options with messages that name the setting, its value and the limit.</summary>
internal sealed class ModelEndpointOptionsValidator : IValidateOptions<ModelEndpointOptions>, IValidateOptions<AzureOpenAIOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelEndpointOptions options) => ToResult(Collect(name ?? ModelEndpoint.DefaultName, options));

    public ValidateOptionsResult Validate(string? name, AzureOpenAIOptions options) => ToResult(Collect(name ?? ModelEndpoint.DefaultName, options));

    public static void ThrowIfInvalid(string name, ModelEndpointOptions options)
    {
        var failures = Collect(name, options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(name, options.GetType(), failures);
        }
    }

    public static List<string> Collect(string name, ModelEndpointOptions options)
    {
        var failures = new List<string>();
        var prefix = $"Model endpoint '{name}':";
        if (options is AzureOpenAIOptions azure)
        {
            if (azure.Endpoint is null)
            {
                failures.Add($"{prefix} Endpoint is missing; set it to the Azure OpenAI resource URI, for example https://my-resource.openai.azure.com/.");
            }
            else if (!azure.Endpoint.IsAbsoluteUri || (azure.Endpoint.Scheme != Uri.UriSchemeHttps && azure.Endpoint.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{prefix} Endpoint '{azure.Endpoint}' is not an absolute http(s) URI.");
            }

            if (string.IsNullOrWhiteSpace(azure.Deployment))
            {
                failures.Add($"{prefix} Deployment is missing; set it to the name of the chat model deployment, for example gpt-4o.");
            }

            var hasKey = !string.IsNullOrWhiteSpace(azure.ApiKey);
            if (hasKey == (azure.Credential is not null))
            {
                failures.Add(hasKey
                    ? $"{prefix} both ApiKey and Credential are set; set one of them."
                    : $"{prefix} neither ApiKey nor Credential is set; set ApiKey, or Credential (for example new DefaultAzureCredential()) for Microsoft Entra ID.");
            }
        }

        var r = options.Resilience;
        if (r is null)
        {
            failures.Add($"{prefix} Resilience is missing.");
        }
        else
        {
            Positive(failures, prefix, "Resilience.AttemptTimeout", r.AttemptTimeout);
            Positive(failures, prefix, "Resilience.TotalTimeout", r.TotalTimeout);
            if (r.AttemptTimeout > TimeSpan.Zero && r.TotalTimeout > TimeSpan.Zero && r.TotalTimeout < r.AttemptTimeout)
            {
                failures.Add($"{prefix} Resilience.TotalTimeout ({r.TotalTimeout}) is shorter than Resilience.AttemptTimeout ({r.AttemptTimeout}); the total must cover at least one attempt.");
            }

            if (r.MaxRetryAttempts is < 0 or > 10)
            {
                failures.Add($"{prefix} Resilience.MaxRetryAttempts is {r.MaxRetryAttempts}; it must be between 0 and 10.");
            }

            Positive(failures, prefix, "Resilience.BaseDelay", r.BaseDelay);
            Positive(failures, prefix, "Resilience.MaxDelay", r.MaxDelay);
            if (r.MaxRetryAfter < TimeSpan.Zero)
            {
                failures.Add($"{prefix} Resilience.MaxRetryAfter is {r.MaxRetryAfter}; it must not be negative.");
            }

            if (double.IsNaN(r.BreakerFailureRatio) || r.BreakerFailureRatio <= 0 || r.BreakerFailureRatio > 1)
            {
                failures.Add($"{prefix} Resilience.BreakerFailureRatio is {r.BreakerFailureRatio}; it must be greater than 0 and at most 1.");
            }

            if (r.BreakerMinimumThroughput < 2)
            {
                failures.Add($"{prefix} Resilience.BreakerMinimumThroughput is {r.BreakerMinimumThroughput}; it must be at least 2.");
            }

            if (r.BreakerSamplingDuration < TimeSpan.FromMilliseconds(500))
            {
                failures.Add($"{prefix} Resilience.BreakerSamplingDuration is {r.BreakerSamplingDuration}; it must be at least 0.5 s.");
            }

            if (r.BreakDuration < TimeSpan.FromMilliseconds(500))
            {
                failures.Add($"{prefix} Resilience.BreakDuration is {r.BreakDuration}; it must be at least 0.5 s.");
            }
        }

        var c = options.Concurrency;
        if (c is null)
        {
            failures.Add($"{prefix} Concurrency is missing.");
        }
        else
        {
            if (c.MinLimit < 1)
            {
                failures.Add($"{prefix} Concurrency.MinLimit is {c.MinLimit}; it must be at least 1.");
            }

            if (c.MaxLimit is < 1 or > 1024 || c.MaxLimit < c.MinLimit)
            {
                failures.Add($"{prefix} Concurrency.MaxLimit is {c.MaxLimit}; it must be between MinLimit ({c.MinLimit}) and 1024.");
            }

            if (c.InitialLimit < c.MinLimit || c.InitialLimit > c.MaxLimit)
            {
                failures.Add($"{prefix} Concurrency.InitialLimit is {c.InitialLimit}; it must be between MinLimit ({c.MinLimit}) and MaxLimit ({c.MaxLimit}).");
            }

            if (double.IsNaN(c.DecreaseFactor) || c.DecreaseFactor < 0.1 || c.DecreaseFactor > 0.9)
            {
                failures.Add($"{prefix} Concurrency.DecreaseFactor is {c.DecreaseFactor}; it must be between 0.1 and 0.9.");
            }
        }

        return failures;
    }

    private static void Positive(List<string> failures, string prefix, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{prefix} {setting} is {value}; it must be a positive time span such as 00:00:30.");
        }
    }

    private static ValidateOptionsResult ToResult(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
