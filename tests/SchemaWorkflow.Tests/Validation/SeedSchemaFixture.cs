using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>The workflow with the built-in catalog generator and standards enricher, over an in-memory store.</summary>
public sealed class SeedSchemaFixture : IDisposable
{
    private readonly ServiceProvider _provider;

    public SeedSchemaFixture()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore();
        _provider = services.BuildServiceProvider();
        Workflow = _provider.GetRequiredService<ISchemaWorkflow>();
    }

    public ISchemaWorkflow Workflow { get; }

    public async Task<ValidationReport> ValidateAsync(string productType, Dictionary<string, string>? values = null, string? text = null) =>
        await Workflow.ValidateRequirementsAsync(productType, RequirementSet.From(values ?? [], text));

    /// <summary>A compact, exact rendering of a report: one line per entry, in report order.</summary>
    public static string Render(ValidationReport report)
    {
        var sb = new StringBuilder();
        foreach (var p in report.Provided)
        {
            sb.Append("P ").Append(p.Field).Append(" = ").Append(p.Value.Display).Append(" [").Append(p.MatchedBy).Append(']').Append('\n');
        }

        foreach (var m in report.Missing)
        {
            sb.Append("M ").Append(m.Field).Append('\n');
        }

        foreach (var i in report.Invalid)
        {
            sb.Append("I ").Append(i.Field).Append(' ').Append(i.Reason).Append('\n');
        }

        foreach (var u in report.Unrecognised)
        {
            sb.Append("U ").Append(u.Name ?? "(text)").Append(" = ").Append(u.Value).Append(" ->").Append(u.Suggestions.Count == 0 ? string.Empty : " " + string.Join(", ", u.Suggestions.Select(s => s.Field))).Append('\n');
        }

        foreach (var c in report.Conditional)
        {
            sb.Append("C ").Append(c.Field).Append(' ').Append(c.Status).Append(c.Provided ? " given" : string.Empty).Append('\n');
        }

        sb.Append(report.IsValid ? "VALID" : "INVALID");
        return sb.ToString();
    }

    public void Dispose() => _provider.Dispose();
}
