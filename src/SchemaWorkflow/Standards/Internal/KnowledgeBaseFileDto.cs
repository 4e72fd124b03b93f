using System.Text.Json.Serialization;

namespace SchemaWorkflow.Standards.Internal;

/// <summary>The JSON shape of one knowledge-base file (see <c>standards.schema.json</c>).</summary>
internal sealed class KnowledgeBaseFileDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Version { get; set; }

    public string? Extends { get; set; }

    public List<StandardDto>? Standards { get; set; }

    public List<FactDto>? Facts { get; set; }
}

internal sealed class StandardDto
{
    public string? Id { get; set; }

    public string? Edition { get; set; }

    public string? Title { get; set; }

    public string? Reason { get; set; }

    public List<string>? Classes { get; set; }
}

internal sealed class FactDto
{
    public string? Id { get; set; }

    public string? Standard { get; set; }

    public string? Edition { get; set; }

    public string? Clause { get; set; }

    public string? Statement { get; set; }

    public List<string>? Classes { get; set; }

    public List<string>? Fields { get; set; }

    public List<string>? Keywords { get; set; }

    public double? Confidence { get; set; }

    public string? Verification { get; set; }

    public List<PayloadDto>? Payload { get; set; }
}

internal sealed class PayloadDto
{
    public string? Kind { get; set; }

    public string? Field { get; set; }

    public List<string>? Values { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    public double? Number { get; set; }

    public string? Unit { get; set; }

    public string? Text { get; set; }

    public string? Formula { get; set; }

    public string? Label { get; set; }
}
