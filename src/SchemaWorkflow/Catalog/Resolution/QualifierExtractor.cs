using System.Text.RegularExpressions;

namespace SchemaWorkflow.Catalog.Resolution;

/// <summary>
/// Finds qualifiers that name options rather than a class — signals, sizes, ratings, fail positions, Ex and SIL
/// marks, materials, ranges, tag numbers — so they never change the class and can be returned as hints.
/// </summary>
internal static partial class QualifierExtractor
{
    private static readonly string[] Signal = ["output_signal", "communication_protocol"];
    private static readonly string[] Protocol = ["communication_protocol", "output_signal"];
    private static readonly string[] SwitchOutput = ["output_type", "switch_output_type", "electronic_output", "contact_type"];
    private static readonly string[] Display = ["local_display"];
    private static readonly string[] Size = ["nominal_diameter", "body_size", "nominal_size", "line_size", "pipe_size"];
    private static readonly string[] Length = ["nominal_size", "insertion_length", "nominal_diameter", "body_size"];
    private static readonly string[] Rating = ["pressure_rating", "thermowell_connection_size_rating", "flange_rating"];
    private static readonly string[] FailPosition = ["fail_position", "fail_safe_position"];
    private static readonly string[] Hazardous = ["hazardous_area_certification"];
    private static readonly string[] Sil = ["functional_safety"];
    private static readonly string[] Material =
    [
        "number_of_elements", "wetted_material", "wetted_parts_material", "diaphragm_material", "body_material", "liner_material", "sheath_material",
        "thermowell_material", "measuring_element_material", "electrode_material", "housing_material", "enclosure_material", "case_material",
    ];

    private static readonly string[] Ingress = ["ingress_protection"];
    private static readonly string[] PressureRange = ["calibrated_range", "measuring_range", "scale_range", "adjustable_range", "differential_range"];
    private static readonly string[] TemperatureRange = ["calibrated_range", "measuring_range", "adjustable_range", "process_temperature_range"];
    private static readonly string[] FlowRange = ["flow_range", "mass_flow_range", "flow_rate"];
    private static readonly string[] LevelRange = ["measuring_range", "calibrated_range"];
    private static readonly string[] SensorType = ["sensor_input_type", "element_type", "sensor_type", "thermocouple_type"];
    private static readonly string[] Elements = ["number_of_elements", "number_of_sensor_inputs"];
    private static readonly string[] Supply = ["supply_voltage"];
    private static readonly string[] Connection = ["process_connection", "thermowell_process_connection", "end_connection"];
    private static readonly string[] EndStyle = ["end_connection", "process_connection", "meter_style", "thermowell_process_connection"];
    private static readonly string[] ElectricalConnection = ["electrical_connection"];
    private static readonly string[] Hygienic = ["hygienic_approval", "process_connection"];
    private static readonly string[] Sour = ["sour_service"];
    private static readonly string[] Cleaning = ["cleaning"];
    private static readonly string[] Mounting = ["mounting_type", "transmitter_mounting", "mounting"];
    private static readonly string[] Accuracy = ["accuracy_class", "tolerance_class"];
    private static readonly string[] AccuracyPercent = ["reference_accuracy", "accuracy", "mass_flow_accuracy"];
    private static readonly string[] Leakage = ["seat_leakage_class"];
    private static readonly string[] Tag = ["tag_number"];
    private static readonly string[] Wires = ["rtd_connection_wires", "rtd_wiring"];
    private static readonly string[] Actuation = ["actuator_type"];
    private static readonly string[] Fluid = ["process_fluid", "process_medium", "medium_type", "fluid_phase", "service_description"];
    private static readonly string[] None = [];

    /// <summary>The patterns in the order they are tried; an earlier match hides its characters from later ones.</summary>
    private static readonly (Regex Pattern, string[] Fields, bool Soft)[] Patterns =
    [
        (SignalPattern(), Signal, false),
        (WirelessHartPattern(), Signal, false),
        (ProtocolPattern(), Protocol, false),
        (NamurPattern(), SwitchOutput, false),
        (SwitchOutputPattern(), SwitchOutput, false),
        (DisplayPattern(), Display, false),
        (NptPattern(), Connection, false),
        (GThreadPattern(), Connection, false),
        (CablePattern(), ElectricalConnection, false),
        (ClassRatingPattern(), Rating, false),
        (PoundRatingPattern(), Rating, false),
        (PnPattern(), Rating, false),
        (DnPattern(), Size, false),
        (NpsPattern(), Size, false),
        (HazardousClassPattern(), Hazardous, false),
        (ExPattern(), Hazardous, false),
        (ExWordsPattern(), Hazardous, false),
        (SilPattern(), Sil, false),
        (SourPattern(), Sour, false),
        (OxygenPattern(), Cleaning, false),
        (RangePattern(), None, false),
        (AccuracyClassPattern(), Accuracy, false),
        (LeakagePattern(), Leakage, false),
        (AccuracyPercentPattern(), AccuracyPercent, false),
        (SupplyPattern(), Supply, false),
        (LoopPoweredPattern(), Supply, false),
        (InchPattern(), Size, false),
        (MillimetrePattern(), Length, false),
        (SensorTypePattern(), SensorType, false),
        (ThermocoupleLetterPattern(), SensorType, false),
        (ElementsPattern(), Elements, false),
        (WiresPattern(), Wires, false),
        (MaterialPattern(), Material, false),
        (IngressPattern(), Ingress, false),
        (FailPattern(), FailPosition, false),
        (HygienicPattern(), Hygienic, false),
        (EndStylePattern(), EndStyle, false),
        (MountingPattern(), Mounting, true),
        (ActuationPattern(), Actuation, true),
    ];

    /// <summary>Finds the qualifiers of a text.</summary>
    /// <param name="text">The original text.</param>
    /// <param name="isIsaCode">Tells whether a lowercase letter group is a known ISA-5.1 code (for tag numbers such as "TT-101").</param>
    /// <returns>The qualifiers, in text order.</returns>
    public static List<QualifierMatch> Extract(string text, Func<string, bool> isIsaCode)
    {
        var found = new List<QualifierMatch>();
        var taken = new bool[text.Length];
        foreach (Match m in TagPattern().Matches(text))
        {
            var code = m.Groups["code"].Value;
            var number = m.Groups["number"].Value;
            if (Overlaps(taken, m.Index, m.Length) || !isIsaCode(code.ToLowerInvariant()) || IsRtdElement(code, number))
            {
                continue;
            }

            found.Add(new QualifierMatch(m.Index, m.Index + m.Length, m.Value, Tag, Soft: false, KeepLength: code.Length));
            Array.Fill(taken, true, m.Index, m.Length);
        }

        foreach (var (pattern, fields, soft) in Patterns)
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (m.Length == 0 || Overlaps(taken, m.Index, m.Length))
                {
                    continue;
                }

                var candidates = ReferenceEquals(fields, None) ? RangeFields(m.Groups["unit"].Value) : fields;
                if (ReferenceEquals(fields, Wires) && !RtdContext().IsMatch(text))
                {
                    candidates = None;
                }

                found.Add(new QualifierMatch(m.Index, m.Index + m.Length, m.Value.Trim(), candidates, soft));
                if (!soft)
                {
                    Array.Fill(taken, true, m.Index, m.Length);
                }
            }
        }

        var forTail = ForTailPattern().Match(text);
        if (forTail.Success)
        {
            var start = forTail.Groups["what"].Index;
            var end = start + forTail.Groups["what"].Length;
            if (!Overlaps(taken, start, end - start))
            {
                found.Add(new QualifierMatch(start, end, forTail.Groups["what"].Value.Trim(), Fluid, Soft: true));
            }
        }

        found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static string[] RangeFields(string unit)
    {
        var u = unit.ToLowerInvariant();
        if (u.Contains('c', StringComparison.Ordinal) && (u.Contains('°', StringComparison.Ordinal) || u.StartsWith("deg", StringComparison.Ordinal)) || u is "°f" or "degf" or "deg f" or "k")
        {
            return TemperatureRange;
        }

        if (u.Contains("/h", StringComparison.Ordinal) || u.Contains("/min", StringComparison.Ordinal) || u.Contains("gpm", StringComparison.Ordinal))
        {
            return FlowRange;
        }

        if (u is "m" or "mm" or "ft")
        {
            return LevelRange;
        }

        return PressureRange;
    }

    private static bool IsRtdElement(string code, string number) =>
        string.Equals(code, "pt", StringComparison.OrdinalIgnoreCase) && number is "100" or "200" or "500" or "1000";

    private static bool Overlaps(bool[] taken, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (taken[i])
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b4\s*(?:-|–|—|\.\.\.?|…|/|to)\s*20\s*m\s?a\b(?:\s*(?:\+|/|,|&|and|with|w/)?\s*(?:hart|smart)(?:\s*[5-7])?\b)?(?:\s*(?:protocol|output|signal)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignalPattern();

    [GeneratedRegex(@"\bwireless\s*hart\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WirelessHartPattern();

    [GeneratedRegex(@"\b(?:hart(?:\s*[5-7])?(?:\s*protocol)?|(?:foundation\s+)?fieldbus(?:\s*h1)?|ff(?:\s*h1)?|profibus(?:\s*(?:pa|dp))?|profinet|modbus(?:\s*(?:rtu|tcp))?|ethernet\s*/?\s*ip|io[\s-]?link|0\s*-\s*10\s*v(?:\s*dc)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProtocolPattern();

    [GeneratedRegex(@"\bnamur(?:\s*(?:output|contact|sensor))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamurPattern();

    [GeneratedRegex(@"\b(?:spdt|dpdt|spst(?:[\s-]*n[oc])?|pnp|npn|(?:with\s+)?relay\s+output|reed\s+contact|micro\s*switch(?:es)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SwitchOutputPattern();

    [GeneratedRegex(@"\b(?:with|w/|c/w|incl\.?|including|plus)\s+(?:an?\s+)?(?:local\s+|integral\s+|lcd\s+|led\s+|digital\s+|backlit\s+)*(?:display|indicator|lcd|readout)\b|\b(?:local|lcd|led|digital|integral)\s+(?:display|readout)\b|\blcd\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisplayPattern();

    [GeneratedRegex(@"(?:\b\d+(?:\s*\d/\d|[./]\d+)?|[½¼¾])\s*(?:""|''|”|in(?:ch)?\b)?\s*(?:-\s*)?(?:m?npt|bsp[pt]?)(?:[\s-]?[mf]\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NptPattern();

    [GeneratedRegex(@"\bg\s?(?:\d/\d|[½¼¾]|1(?:\s*1/2)?)\s?b?\b|\bm20\s*x\s*1[.,]5\b|\bm12\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GThreadPattern();

    [GeneratedRegex(@"\b(?:cable\s+gland|conduit\s+entry)\s+(?:m\d{2}|\d/\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CablePattern();

    [GeneratedRegex(@"\b(?:(?:ansi|asme)\s*)?(?:class|cl\.?)\s*(?:150|300|600|900|1500|2500)(?:\s*(?:#|lbs?\b))?(?:\s*(?:rf|rtj|ff)\b)?|\b(?:ansi|asme)\s*(?:150|300|600|900|1500|2500)(?:\s*#)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClassRatingPattern();

    [GeneratedRegex(@"\b(?:150|300|600|900|1500|2500)\s*(?:#|lbs?\b)(?:\s*(?:rf|rtj|ff)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PoundRatingPattern();

    [GeneratedRegex(@"\bpn\s?(?:6|10|16|25|40|63|100|160|250|320|400)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PnPattern();

    [GeneratedRegex(@"\bdn\s?\d{1,4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DnPattern();

    [GeneratedRegex(@"\bnps\s?\d+(?:[./]\d+)?(?:\s*(?:""|in(?:ch)?\b))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NpsPattern();

    [GeneratedRegex(@"\bclass\s*(?:i|1)\s*,?\s*div(?:ision)?\.?\s*[12](?:\s*,?\s*(?:groups?\s*)?[a-d](?:\s*[-,&]\s*[a-d])*\b)?|\bzone\s*(?:0|1|2|20|21|22)\b|\bhazardous\s+(?:area|location)s?\b|\bnon[\s-]?incendive\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HazardousClassPattern();

    [GeneratedRegex(@"\be?ex\s?(?:ia|ib|ic|db|d|eb|ec|e|na|n|tb|tc|ta|t|pxb|p|mb|m)\b(?:\s*(?:iic|iib|iia|iiic|iiib)\b)?(?:\s*t[1-6]\b)?(?:\s*(?:ga|gb|gc|da|db|dc)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExPattern();

    [GeneratedRegex(@"\b(?:explosion[\s-]?proof|flame[\s-]?proof|intrinsic(?:ally)?[\s-]safe(?:ty)?|atex(?:\s*/\s*iecex)?|iecex|xp|exd|exia|ex[\s-]?proof)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExWordsPattern();

    [GeneratedRegex(@"\bsil\s*[-]?\s*[1-4](?:\s*(?:capable|rated|certified))?\b|\bsil[\s-]?(?:rated|certified|capable)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SilPattern();

    [GeneratedRegex(@"\bsour\s+service\b|\bnace(?:\s*mr\s*0?175)?(?:\s*/\s*iso\s*15156)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourPattern();

    [GeneratedRegex(@"\b(?:oxygen|o2)\s+(?:service|clean(?:ed)?)\b|\boil[\s-]*(?:and|&)?[\s-]*grease[\s-]free\b|\bdegreased\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OxygenPattern();

    [GeneratedRegex(@"(?<!\w)-?\d+(?:[.,]\d+)?\s*(?:\.\.\.?|…|–|—|-|to|/)\s*-?\+?\d+(?:[.,]\d+)?\s*(?<unit>bar[ag]?|mbar|psi[ag]?|kpa|mpa|pa|inh2o|in\s*wc|mmh2o|°\s?[cf]|deg\s?[cf]|k(?!\w)|m3/h|m³/h|nm3/h|kg/h|t/h|l/min|l/h|gpm|mm|m|ft)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"\b(?:accuracy\s+)?(?:class|cl\.?|kl\.?)\s*(?:0[.,]1|0[.,]25|0[.,]6|1[.,]0|1[.,]6|2[.,]5|4[.,]0|aa|a|b|1|2|3)\b|\b(?:[1-4]a|\d[.,]\d{1,2}\s*%?\s*(?:accuracy\s+)?class)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccuracyClassPattern();

    [GeneratedRegex(@"\b(?:(?:seat\s+)?leakage\s+)?class\s*(?:ii|iii|iv|v|vi)\b(?!\s*div)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeakagePattern();

    [GeneratedRegex(@"(?:\+/-|±|\+-)\s*\d+(?:[.,]\d+)?\s*%|\b\d+(?:[.,]\d+)?\s*%\s*(?:accuracy|of\s+(?:span|reading|rate|fs))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccuracyPercentPattern();

    [GeneratedRegex(@"\b\d{2,3}(?:\s*-\s*\d{2,3})?\s*v\s*(?:ac|dc)\b|\b\d{2,3}\s*v(?:ac|dc)\b|\b24\s*v\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupplyPattern();

    [GeneratedRegex(@"\bloop[\s-]?powered\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoopPoweredPattern();

    [GeneratedRegex(@"(?<![\w/])\d{1,2}(?:\s+\d/\d|[.,]\d+|/\d)?\s*(?:""|''|”|-?\s*inch(?:es)?\b|in\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InchPattern();

    [GeneratedRegex(@"\b\d{2,4}\s*mm\b(?:\s*(?:dial|case))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MillimetrePattern();

    [GeneratedRegex(@"\b(?:pt|ni|cu)\s?-?\s?(?:100|200|500|1000|120|10)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SensorTypePattern();

    [GeneratedRegex(@"\btype\s*[bejknrst]\b|\btyp\.?\s+[bejknrst]\b|\b[bejknrst][\s-]type\b|\b[bejknrst][\s-]?(?=\s*(?:thermocouple|tc)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThermocoupleLetterPattern();

    [GeneratedRegex(@"\b(?:simplex|triplex|duplex|dual[\s-]element|single[\s-]element|dual[\s-]sensor)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ElementsPattern();

    [GeneratedRegex(@"\b[234][\s-]?wire\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WiresPattern();

    [GeneratedRegex(@"\brtd\b|\bpt\s?-?\s?100", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RtdContext();

    [GeneratedRegex(@"\b(?:(?:ss|sst|aisi|s\.s\.)\s*-?\s*)?3(?:04|16|21|47)\s*l?(?:\s*(?:ss|sst|s\.s\.|stainless(?:\s+steel)?))?\b|\bstainless(?:\s+steel)?\b|\bhastelloy(?:\s*c[-\s]?(?:276|22|4))?\b|\balloy\s*(?:c[-\s]?(?:276|22)|400|600|625|825|20)\b|\b(?:monel|inconel|incoloy|titanium|tantalum|zirconium|brass|bronze|gunmetal|wcb|wcc|lcc|cf8m|cf3m|pvdf|cpvc|pvc|pfa|ptfe|fep)(?:[\s-]lined)?\b|\bcarbon\s+steel\b|\bcast\s+iron\b|\bductile\s+iron\b|\brubber[\s-]lined\b|\bsuper\s+duplex\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaterialPattern();

    [GeneratedRegex(@"\bip\s?(?:54|55|65|66|67|68|69k?)(?:\s*/\s*(?:ip)?\s?6[5-9]k?)?\b|\bnema\s*(?:4x|4|6p|6|7|12)\b|\bweather[\s-]?proof\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IngressPattern();

    [GeneratedRegex(@"\bfail[\s-]*(?:safe[\s-]*)?(?:close[ds]?|open|last|in[\s-]place|lock(?:ed)?|freeze)\b|\bair[\s-]to[\s-](?:open|close)\b|\bspring[\s-](?:to[\s-])?(?:close|open)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FailPattern();

    [GeneratedRegex(@"\b(?:hygienic|sanitary|aseptic|3-?a|ehedg|tri[\s-]?clamp|triclamp|din\s*11851)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HygienicPattern();

    [GeneratedRegex(@"\b(?:flanged|flange[\s-]type|wafer(?:[\s-]type)?|lug(?:ged)?(?:[\s-]type)?|threaded|screwed|butt[\s-]?weld(?:ed)?|socket[\s-]?weld(?:ed)?|weld[\s-]in)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndStylePattern();

    [GeneratedRegex(@"\b(?:head|field|din[\s-]?rail|rail|panel|pipe|wall|remote|integral|direct)[\s-]?mount(?:ed|ing)?\b|\bcompact\s+version\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MountingPattern();

    [GeneratedRegex(@"\b(?:pneumatic(?:ally)?|electric(?:ally)?|motori[sz]ed|motor[\s-]operated|hydraulic(?:ally)?|manual(?:ly)?)(?:[\s-](?:actuated|operated))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActuationPattern();

    [GeneratedRegex(@"\b(?<code>[A-Za-z]{2,5})\s?-\s?(?<number>\d{2,5}[A-Za-z]?)\b|\b(?<code>[A-Z]{2,5})\s?(?<number>\d{2,5}[A-Z]?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\bfor\s+(?<what>(?:use\s+(?:in|with)\s+)?[a-z][a-z\s-]{2,40}?)\s*(?:service|application|duty)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForTailPattern();
}
