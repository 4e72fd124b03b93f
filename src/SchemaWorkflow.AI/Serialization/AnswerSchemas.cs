using System.Text.Json;

namespace SchemaWorkflow.AI.Serialization;

/// <summary>
/// The JSON schemas sent as <c>response_format: json_schema</c>. Written by hand so they meet the structured-output
/// rules of strict mode: every property required, nullable slots typed <c>[T, "null"]</c>, no additional properties.
/// </summary>
internal static class AnswerSchemas
{
    public const string SchemaAnswerName = "product_schema";

    public const string EnrichmentAnswerName = "cited_values";

    private const string SchemaAnswerJson = """
    {
      "type": "object",
      "additionalProperties": false,
      "required": ["is_process_instrument", "display_name", "description", "groups", "standards"],
      "properties": {
        "is_process_instrument": { "type": "boolean", "description": "False when the requested name is not an industrial instrument, valve or accessory product type." },
        "display_name": { "type": "string" },
        "description": { "type": "string" },
        "groups": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["key", "fields"],
            "properties": {
              "key": { "type": "string", "enum": ["identification", "process_parameters", "performance", "electrical", "mechanical", "environmental", "compliance"] },
              "fields": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": ["key", "display_name", "description", "data_type", "unit", "accepted_units", "allowed_values", "typical_min", "typical_max", "requirement", "condition", "synonyms"],
                  "properties": {
                    "key": { "type": "string", "description": "snake_case, unique in the schema" },
                    "display_name": { "type": "string" },
                    "description": { "type": "string", "description": "one plain sentence" },
                    "data_type": { "type": "string", "enum": ["text", "number", "range", "enum", "boolean"] },
                    "unit": { "type": ["string", "null"], "description": "unit symbol such as °C, bar, mA; null when dimensionless" },
                    "accepted_units": { "type": "array", "items": { "type": "string" } },
                    "allowed_values": { "type": "array", "items": { "type": "string" }, "description": "for enum fields: short codes or terms" },
                    "typical_min": { "type": ["number", "null"] },
                    "typical_max": { "type": ["number", "null"] },
                    "requirement": { "type": "string", "enum": ["mandatory", "optional", "conditional"] },
                    "condition": { "type": ["string", "null"] },
                    "synonyms": { "type": "array", "items": { "type": "string" } }
                  }
                }
              }
            }
          }
        },
        "standards": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["standard", "title", "reason", "fields"],
            "properties": {
              "standard": { "type": "string", "description": "identifier such as IEC 60529" },
              "title": { "type": ["string", "null"] },
              "reason": { "type": "string" },
              "fields": { "type": "array", "items": { "type": "string" } }
            }
          }
        }
      }
    }
    """;

    private const string EnrichmentAnswerJson = """
    {
      "type": "object",
      "additionalProperties": false,
      "required": ["values"],
      "properties": {
        "values": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["field", "kind", "allowed_values", "min", "max", "number", "unit", "text", "formula", "label", "passage_ids", "confidence"],
            "properties": {
              "field": { "type": "string", "description": "a field key from the request" },
              "kind": { "type": "string", "enum": ["allowed_values", "range", "limit", "recommended_default", "formula"] },
              "allowed_values": { "type": "array", "items": { "type": "string" } },
              "min": { "type": ["number", "null"] },
              "max": { "type": ["number", "null"] },
              "number": { "type": ["number", "null"] },
              "unit": { "type": ["string", "null"] },
              "text": { "type": ["string", "null"] },
              "formula": { "type": ["string", "null"] },
              "label": { "type": ["string", "null"] },
              "passage_ids": { "type": "array", "items": { "type": "string" }, "description": "ids of the supplied passages that state this value" },
              "confidence": { "type": "number", "description": "0 to 1" }
            }
          }
        }
      }
    }
    """;

    public static JsonElement SchemaAnswer { get; } = Parse(SchemaAnswerJson);

    public static JsonElement EnrichmentAnswer { get; } = Parse(EnrichmentAnswerJson);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
