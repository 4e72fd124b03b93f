namespace SchemaWorkflow.Datasheets.Internal;

/// <summary>Turns fetched content into <see cref="DatasheetText"/>, or says why it cannot.</summary>
internal static class DatasheetTextReader
{
    public static DatasheetText Read(DatasheetContent content, int maxPages)
    {
        IReadOnlyList<DatasheetPage> pages;
        int words;
        if (content.Kind == DatasheetContentKind.Text)
        {
            pages = PlainTextReader.Read(content.Bytes, maxPages, out words);
        }
        else
        {
            try
            {
                pages = PdfTextReader.Read(content.Bytes, maxPages, out words);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // PdfPig reports a damaged file through several exception types; each means the same to us.
                throw new DatasheetFetchException(DocumentStatus.Unreadable, $"{content.Reference.CitationSource}: the PDF could not be read ({ex.Message}).", ex);
            }
        }

        if (words == 0)
        {
            throw new DatasheetFetchException(
                content.Kind == DatasheetContentKind.Pdf ? DocumentStatus.NoText : DocumentStatus.NoSpecifications,
                content.Kind == DatasheetContentKind.Pdf
                    ? $"{content.Reference.CitationSource}: the PDF has no text layer (a scan or pictures only); run OCR on it first."
                    : $"{content.Reference.CitationSource}: the text file is empty.");
        }

        return new DatasheetText { Reference = content.Reference, Pages = pages };
    }
}
