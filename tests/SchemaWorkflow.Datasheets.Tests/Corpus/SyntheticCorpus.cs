using System.Text;

namespace SchemaWorkflow.Datasheets.Tests.Corpus;

/// <summary>
/// A datasheet corpus generated into a temp folder: three fictional vendors, each with a pressure transmitter and a
/// temperature transmitter datasheet in its own style ("Key: value" lines; a two-column table with a wrapped value;
/// dotted leaders; one as a UTF-8 text file), units in several spellings, plus a scanned-looking PDF without text, a
/// truncated (corrupt) PDF and a 50 MB file. Nothing is committed: the fixture writes it and deletes it.
/// </summary>
public sealed class SyntheticCorpus : IDisposable
{
    public const string Aldor = "Aldor Instruments";
    public const string Brennick = "Brennick Controls";
    public const string Corvane = "Corvane Messtechnik";

    public const long LargeFileBytes = 50L * 1024 * 1024;

    public SyntheticCorpus()
    {
        Root = Path.Combine(Path.GetTempPath(), "sw-datasheets-" + Guid.NewGuid().ToString("N"));
        Write(Aldor, "APT-40.pdf", AldorPressure());
        Write(Aldor, "ATT-10.pdf", AldorTemperature());
        Write(Aldor, "scan-0042.pdf", new SheetWriter().Shapes().Build());
        var brennickPressure = BrennickPressure();
        Write(Brennick, "BPT-7000.pdf", brennickPressure);
        Write(Brennick, "BPT-7000-rev-b.pdf", brennickPressure.AsSpan(0, brennickPressure.Length / 3).ToArray());
        Write(Brennick, "BTT-300.txt", Encoding.UTF8.GetBytes(BrennickTemperature()));
        Write(Corvane, "CPT-2.pdf", CorvanePressure());
        Write(Corvane, "CTT-5.pdf", CorvaneTemperature());
        LargeFile = WriteLarge(Path.Combine(Root, Corvane, "full-catalogue.pdf"));
    }

    /// <summary>The corpus folder: one sub-folder per vendor.</summary>
    public string Root { get; }

    /// <summary>The 50 MB file.</summary>
    public string LargeFile { get; }

    public static string[] Vendors => [Aldor, Brennick, Corvane];

    /// <summary>Writes a sparse file of <see cref="LargeFileBytes"/> that starts like a PDF; nothing is held in memory.</summary>
    public static string WriteLarge(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        stream.Write("%PDF-1.7\n"u8);
        stream.SetLength(LargeFileBytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>Aldor: "Key: value" lines over two pages, metric units spelled degC and V DC.</summary>
    internal static byte[] AldorPressure() => new SheetWriter()
        .Title("APT-40 Pressure Transmitter")
        .Heading("Technical data")
        .Line("Measuring range: 0 ... 400 bar")
        .Line("Output signal: 4-20 mA HART")
        .Line("Communication protocol: HART 7")
        .Line("Supply voltage: 10.5 ... 42 V DC")
        .Line("Reference accuracy: ±0.075 % of span")
        .Line("Turndown: 100:1")
        .Line("Ambient temperature: -40 ... +85 degC")
        .Line("Process temperature: -40 ... +120 degC")
        .Line("Process connection: G 1/2 B")
        .Line("Ingress protection: IP66/IP67")
        .Line("Housing material: Die-cast aluminium, painted")
        .Line("Weight: 1.4 kg")
        .NewPage()
        .Heading("Approvals")
        .Line("Ex approval: Ex ia IIC T4 Ga")
        .Line("Functional safety: SIL 2 (IEC 61508)")
        .Line("Electromagnetic compatibility: IEC 61326-1")
        .Line("Housing colour: Blue RAL 5012")
        .Line("Note: All values apply at reference conditions to IEC 60770.")
        .Build();

    /// <summary>Brennick: a two-column table with US units (psi, deg F, VDC, Ohm, lb) and a value wrapped onto a second line.</summary>
    internal static byte[] BrennickPressure() => new SheetWriter()
        .Title("BC 7000 Series Pressure Transmitter")
        .Row("Parameter", "Value")
        .Row("Measuring range", "0 to 6000 psi")
        .Row("Output signal", "4 to 20 mA with HART 7")
        .Row("Protocol", "HART 7")
        .Row("Supply voltage", "12 to 36 VDC")
        .Row("Max. load resistance", "1100 Ohm")
        .Row("Accuracy", "±0.04 % of span")
        .Row("Ambient temperature", "-40 to 185 deg F")
        .Row("Process connection", "1/2-14 NPT female")
        .Row("Diaphragm material", "Alloy C-276")
        .Row("Fill fluid", "Silicone oil")
        .Row("Enclosure rating", "IP66/IP68, NEMA 4X")
        .Row("Electrical connection", "1/2 NPT or")
        .Continuation("M20 x 1.5")
        .Row("Weight", "3.1 lb")
        .Row("Sensor technology", "Capacitive")
        .NewPage()
        .Row("Explosion protection", "Ex db IIC T6 Gb")
        .Row("Display", "LCD with push buttons")
        .Row("Damping", "0 to 60 s")
        .Row("Long-term stability", "see ordering information")
        .Build();

    /// <summary>Corvane: dotted leaders, °C set in the Symbol font, MPa and plain V.</summary>
    internal static byte[] CorvanePressure() => new SheetWriter()
        .Title("CPT-2 Pressure Transmitter - Technical Information")
        .Line("Measuring range ........ 0 ... 40 MPa")
        .Line("Output ........ 4...20 mA / HART")
        .Line("Supply ........ 11 ... 45 V")
        .Line("Accuracy ........ ±0.1 %")
        .Line("Ambient temperature ........ -40 ... +80 °C")
        .Line("Process temperature ........ -20 ... +100 °C")
        .Line("Process connection ........ G 1/2 B")
        .Line("Degree of protection ........ IP68")
        .Line("Fill fluid ........ Inert fill (halocarbon)")
        .Line("Weight ........ approx. 0.9 kg")
        .Line("Sensor technology ........ Piezoresistive")
        .Line("Functional safety ........ SIL 2")
        .Build();

    internal static byte[] AldorTemperature() => new SheetWriter()
        .Title("ATT-10 Temperature Transmitter, head mount")
        .Heading("Technical data")
        .Line("Input: Pt100, Pt1000, Type K")
        .Line("RTD wiring: 2-wire, 3-wire or 4-wire")
        .Line("Measuring range: -200 ... +850 degC")
        .Line("Output signal: 4-20 mA HART")
        .Line("Accuracy: ±0.1 K")
        .Line("Supply voltage: 11 ... 42 V DC")
        .Line("Ambient temperature: -40 ... +85 degC")
        .Line("Galvanic isolation: 1500 V AC")
        .Line("Housing material: Polyamide")
        .Line("Weight: 50 g")
        .Build();

    /// <summary>Brennick's temperature transmitter as a UTF-8 text file: columns separated by spaces, Unicode units, a second page after a form feed.</summary>
    internal static string BrennickTemperature() =>
        "BTT-300 Temperature Transmitter\n" +
        "Technical data\n" +
        "\n" +
        "Sensor input          Pt100, Pt500, Type J, Type K\n" +
        "Measuring range       −200 … +650 °C\n" +
        "Output                4…20 mA, HART 7\n" +
        "Accuracy              ±0.15 °C\n" +
        "Supply voltage        12 … 35 V DC\n" +
        "Max. load resistance  600 Ω\n" +
        "Ambient temperature   −40 … +85 °C\n" +
        "Update time           250 ms\n" +
        "Weight                0.08 kg\n" +
        "\f" +
        "Approvals\n" +
        "Explosion protection  Ex ia IIC T6 Ga\n";

    internal static byte[] CorvaneTemperature() => new SheetWriter()
        .Title("CTT-5 Temperature Transmitter")
        .Line("Input ........ Pt100")
        .Line("Measuring range ........ -50 ... +500 °C")
        .Line("Output ........ PROFIBUS PA")
        .Line("Accuracy ........ 0.2 % of span")
        .Line("Power supply ........ 9 ... 32 V DC")
        .Line("Ambient temperature ........ -40 ... +85 °C")
        .Line("Weight ........ 60 g")
        .Build();

    private void Write(string vendor, string file, byte[] bytes)
    {
        var folder = Path.Combine(Root, vendor);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, file), bytes);
    }
}
