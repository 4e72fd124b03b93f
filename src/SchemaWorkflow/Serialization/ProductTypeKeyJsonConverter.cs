using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaWorkflow.Serialization;

/// <summary>Writes a <see cref="ProductTypeKey"/> as its canonical string and reads it back with validation.</summary>
public sealed class ProductTypeKeyJsonConverter : JsonConverter<ProductTypeKey>
{
    /// <inheritdoc />
    public override ProductTypeKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A product type key must be a JSON string.");
        }

        var text = reader.GetString();
        return ProductTypeKey.TryParse(text, out var key)
            ? key
            : throw new JsonException($"'{text}' is not a canonical product type key.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ProductTypeKey value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}
