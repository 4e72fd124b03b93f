using Microsoft.Extensions.Options;
using SchemaWorkflow.Quality;

namespace SchemaWorkflow.AI;

/// <summary>Validates generator and enricher options when they are built, with messages that name the setting.</summary>
internal static class AIOptionsValidation
{
    public static void ThrowIfInvalid(ChatClientGeneratorOptions o)
    {
        var failures = new List<string>();
        Name(failures, "ChatClientGeneratorOptions.Name", o.Name);
        Endpoint(failures, "ChatClientGeneratorOptions.Endpoint", o.Endpoint);
        Range(failures, "ChatClientGeneratorOptions.MaxOutputTokens", o.MaxOutputTokens, 256, 200_000);
        Range(failures, "ChatClientGeneratorOptions.MaxDatasheetExtracts", o.MaxDatasheetExtracts, 0, 50);
        Range(failures, "ChatClientGeneratorOptions.MaxDatasheetCharacters", o.MaxDatasheetCharacters, 0, 500_000);
        Range(failures, "ChatClientGeneratorOptions.MaxFields", o.MaxFields, 1, 1000);
        Temperature(failures, "ChatClientGeneratorOptions.Temperature", o.Temperature);
        Throw(failures, typeof(ChatClientGeneratorOptions));
    }

    public static void ThrowIfInvalid(RetrievalEnricherOptions o)
    {
        var failures = new List<string>();
        Name(failures, "RetrievalEnricherOptions.Name", o.Name);
        Endpoint(failures, "RetrievalEnricherOptions.Endpoint", o.Endpoint);
        Range(failures, "RetrievalEnricherOptions.MaxPassagesPerGroup", o.MaxPassagesPerGroup, 1, 100);
        Range(failures, "RetrievalEnricherOptions.MaxPassageCharacters", o.MaxPassageCharacters, 100, 20_000);
        Range(failures, "RetrievalEnricherOptions.MaxOutputTokens", o.MaxOutputTokens, 256, 200_000);
        Range(failures, "RetrievalEnricherOptions.MaxValuesPerField", o.MaxValuesPerField, 1, 50);
        Temperature(failures, "RetrievalEnricherOptions.Temperature", o.Temperature);
        if (double.IsNaN(o.MinConfidence) || o.MinConfidence is < 0 or > 1)
        {
            failures.Add($"RetrievalEnricherOptions.MinConfidence is {o.MinConfidence}; it must be between 0 and 1.");
        }

        Throw(failures, typeof(RetrievalEnricherOptions));
    }

    private static void Name(List<string> failures, string setting, string? value)
    {
        if (!SchemaQualityGate.IsSnakeCase(value) || value!.Length > 40)
        {
            failures.Add($"{setting} is '{value}'; it must be a snake_case name of at most 40 characters, such as chat.");
        }
    }

    private static void Endpoint(List<string> failures, string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{setting} is empty; name the model endpoint registered with UseAzureOpenAI or UseChatClient (default \"{ModelEndpoint.DefaultName}\").");
        }
    }

    private static void Range(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{setting} is {value}; it must be between {min} and {max}.");
        }
    }

    private static void Temperature(List<string> failures, string setting, float? value)
    {
        if (value is { } t && (float.IsNaN(t) || t < 0 || t > 2))
        {
            failures.Add($"{setting} is {t}; it must be between 0 and 2, or null for the model's default.");
        }
    }

    private static void Throw(List<string> failures, Type type)
    {
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, type, failures);
        }
    }
}
