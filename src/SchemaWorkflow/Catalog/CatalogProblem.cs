using System.Text;

namespace SchemaWorkflow.Catalog;

/// <summary>One thing wrong with a catalog file: where it is and what is wrong.</summary>
/// <param name="File">The file (resource name or host path).</param>
/// <param name="Class">The class key, when the problem is inside a class.</param>
/// <param name="Block">The block id, when the problem is inside a block.</param>
/// <param name="Field">The field key, when the problem is about a field.</param>
/// <param name="Message">What is wrong and, where it helps, what to do.</param>
public sealed record CatalogProblem(string File, string? Class, string? Block, string? Field, string Message)
{
    /// <summary>The problem as one line: <c>file: class 'x', field 'y': message</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder(File);
        var parts = new List<string>(3);
        if (Class is not null)
        {
            parts.Add($"class '{Class}'");
        }

        if (Block is not null)
        {
            parts.Add($"block '{Block}'");
        }

        if (Field is not null)
        {
            parts.Add($"field '{Field}'");
        }

        if (parts.Count > 0)
        {
            sb.Append(": ").Append(string.Join(", ", parts));
        }

        return sb.Append(": ").Append(Message).ToString();
    }
}
