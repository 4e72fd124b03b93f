using System.Text;

namespace SchemaWorkflow.Datasheets.Internal;

/// <summary>Decides from the bytes whether a download is a PDF, plain text, or something else (an HTML error page, a binary).</summary>
internal static class ContentSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DatasheetContentKind? Sniff(ReadOnlySpan<byte> bytes, string? mediaType, out string problem)
    {
        if (bytes.IsEmpty)
        {
            problem = "it is empty";
            return null;
        }

        // The PDF header may follow a little junk; readers accept it within the first kilobyte.
        if (bytes[..Math.Min(bytes.Length, 1024)].IndexOf(PdfMagic) >= 0)
        {
            problem = string.Empty;
            return DatasheetContentKind.Pdf;
        }

        if (mediaType is not null && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"it is an HTML page ({mediaType}), not a PDF or text datasheet";
            return null;
        }

        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.IndexOf((byte)0) >= 0)
        {
            problem = "it is binary data without the %PDF header";
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problem = "it is neither a PDF nor UTF-8 text";
            return null;
        }

        var start = text.AsSpan().TrimStart('\uFEFF').TrimStart();
        if (start.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase) ||
            start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            problem = "it is an HTML or XML page, not a PDF or text datasheet";
            return null;
        }

        var control = 0;
        foreach (var c in head.Length == bytes.Length ? text : text[..Math.Min(text.Length, 8192)])
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        if (control > 8)
        {
            problem = "it is binary data without the %PDF header";
            return null;
        }

        problem = string.Empty;
        return DatasheetContentKind.Text;
    }
}
