using System.Text;
using SchemaWorkflow.Datasheets.Internal;

namespace SchemaWorkflow.Datasheets.Tests.Infrastructure;

internal static class Texts
{
    public static DatasheetReference Reference(string document = "test.pdf", string vendor = "Acme Controls", bool forType = true) => new()
    {
        Source = "test",
        Vendor = DatasheetVendor.FromName(vendor),
        Document = document,
        Location = "/nowhere/" + document,
        IsForProductType = forType,
    };

    public static DatasheetText FromPdf(byte[] pdf, string document = "test.pdf") =>
        DatasheetTextReader.Read(new DatasheetContent { Reference = Reference(document), Kind = DatasheetContentKind.Pdf, Bytes = pdf }, maxPages: 60);

    public static DatasheetText FromText(string text, string document = "test.txt") =>
        DatasheetTextReader.Read(new DatasheetContent { Reference = Reference(document), Kind = DatasheetContentKind.Text, Bytes = Encoding.UTF8.GetBytes(text) }, maxPages: 60);
}
