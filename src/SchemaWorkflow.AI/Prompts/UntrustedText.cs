using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SchemaWorkflow.AI.Prompts;

/// <summary>
/// Puts outside text (user input, datasheet extracts, retrieved passages) into a prompt as data: JSON-encoded inside an
/// <c>&lt;untrusted_data&gt;</c> element. The encoder escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes, so the
/// text cannot close the element or forge another one.
/// </summary>
internal static class UntrustedText
{
    public const string ElementName = "untrusted_data";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <summary>Appends an element holding a JSON value written by <paramref name="write"/>.</summary>
    public static void AppendElement(StringBuilder prompt, string kind, Action<Utf8JsonWriter> write)
    {
        prompt.Append('<').Append(ElementName).Append(" kind=\"").Append(kind).Append("\">");
        prompt.Append(ToJson(write));
        prompt.Append("</").Append(ElementName).Append(">\n");
    }

    /// <summary>Writes a JSON value with the escaping encoder.</summary>
    public static string ToJson(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Cuts text to at most <paramref name="max"/> characters without splitting a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
