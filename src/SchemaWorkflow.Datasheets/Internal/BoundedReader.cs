namespace SchemaWorkflow.Datasheets.Internal;

/// <summary>Reads a stream into memory, stopping as soon as it passes a limit so an oversized body is never buffered whole.</summary>
internal static class BoundedReader
{
    /// <summary>Reads the whole stream, or returns null as soon as more than <paramref name="maxBytes"/> bytes arrived.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            total += read;
            if (total > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
