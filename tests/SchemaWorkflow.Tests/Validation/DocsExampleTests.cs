using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>The worked example in docs/validation.md is the exact report this code produces.</summary>
public sealed class DocsExampleTests
{
    internal static async Task<ValidationReport> RunDocsExampleAsync()
    {
        // docs/validation.md, "A worked example" — keep the two in step.
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore();
        await using var provider = services.BuildServiceProvider();
        var workflow = provider.GetRequiredService<ISchemaWorkflow>();

        var requirements = RequirementSet.From(
            new Dictionary<string, string>
            {
                ["output"] = "4-20mA HART",
                ["range"] = "0-150 C",
                ["sensor type"] = "Pt100",
                ["protocol"] = "HART 7",
                ["supply"] = "230 V AC",
            },
            freeText: "±0.1 °C, 0.1 % of reading, downscale, head mount, IP66/67, Ex d IIC T6 Gb, 1/2\" NPT 316L, -40..85 °C, colour: blue");

        return await workflow.ValidateRequirementsAsync("Temperature Transmitter", requirements);
    }

    [Fact]
    public async Task The_worked_example_in_the_docs_is_the_exact_report()
    {
        var report = await RunDocsExampleAsync();

        var json = ValidationReportJson.Serialize(report).ReplaceLineEndings("\n");

        Assert.Equal(ReadDocsBlock("validation.md", "<!-- example-report -->"), json);
    }

    internal static string ReadDocsBlock(string page, string marker)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SchemaWorkflow.sln")))
        {
            dir = dir.Parent;
        }

        var text = File.ReadAllText(Path.Combine(dir!.FullName, "docs", page)).ReplaceLineEndings("\n");
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{page} has no {marker} block.");
        var open = text.IndexOf("```json\n", start, StringComparison.Ordinal) + "```json\n".Length;
        var close = text.IndexOf("\n```", open, StringComparison.Ordinal);
        return text[open..close];
    }
}
