namespace SchemaWorkflow.Validation;

/// <summary>
/// A buyer's requirements for one product: name → value pairs and/or one free-text line such as
/// "4-20mA HART, 0-150 °C, IP66/67". Immutable; the factories check the input once, so a set that exists is within the
/// limits below. Blank values mean "not given" (the legacy UI sends empty strings for unfilled fields) and are dropped.
/// </summary>
public sealed class RequirementSet
{
    /// <summary>The most name → value pairs a set may hold.</summary>
    public const int MaxEntries = 200;

    /// <summary>The longest field name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest value accepted.</summary>
    public const int MaxValueLength = ValueParser.MaxValueLength;

    /// <summary>The longest free text accepted.</summary>
    public const int MaxTextLength = 4000;

    private RequirementSet(IReadOnlyList<RequirementEntry> entries, string? freeText)
    {
        Entries = entries;
        FreeText = freeText;
    }

    /// <summary>A set with nothing in it: validating it lists every mandatory field as missing.</summary>
    public static RequirementSet Empty { get; } = new([], null);

    /// <summary>The name → value pairs, in the order given, blank values dropped.</summary>
    public IReadOnlyList<RequirementEntry> Entries { get; }

    /// <summary>The free text, or null.</summary>
    public string? FreeText { get; }

    /// <summary>True when there are no pairs and no free text.</summary>
    public bool IsEmpty => Entries.Count == 0 && FreeText is null;

    /// <summary>Creates a set from name → value pairs (a dictionary works) and optional free text.</summary>
    /// <param name="values">The pairs; names in any form buyers use.</param>
    /// <param name="freeText">Free text such as "4-20mA HART, 0-150 °C"; null or blank for none.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// More than <see cref="MaxEntries"/> pairs; a blank, over-long or control-character name; an over-long value or one
    /// with control characters; over-long free text. The message says which entry and what to do.
    /// </exception>
    public static RequirementSet From(IEnumerable<KeyValuePair<string, string>> values, string? freeText = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var entries = new List<RequirementEntry>();
        var count = 0;
        foreach (var (name, value) in values)
        {
            count++;
            if (count > MaxEntries)
            {
                var total = values.TryGetNonEnumeratedCount(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "more than " + MaxEntries;
                throw new ArgumentException($"The requirements have {total} entries; the limit is {MaxEntries}. A specification sheet has far fewer fields: pass one entry per field.", nameof(values));
            }

            CheckName(name, count);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            CheckValue(name, value);
            entries.Add(new RequirementEntry(name.Trim(), value.Trim()));
        }

        return new RequirementSet(entries, CheckText(freeText, nameof(freeText)));
    }

    /// <summary>Creates a set from free text only.</summary>
    /// <param name="text">Text such as "4-20mA HART, 0-150 °C, ±0.1 % of span, IP66/67, Ex d IIC T6 Gb, 1/2\" NPT, 316L".</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">The text is longer than <see cref="MaxTextLength"/> or has control characters other than line breaks and tabs.</exception>
    public static RequirementSet FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RequirementSet([], CheckText(text, nameof(text)));
    }

    /// <summary>A copy with one more pair (a blank value adds nothing).</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new set.</returns>
    public RequirementSet With(string name, string value)
    {
        if (Entries.Count >= MaxEntries)
        {
            throw new ArgumentException($"The requirements already have {MaxEntries} entries, the limit.", nameof(name));
        }

        CheckName(name, Entries.Count + 1);
        if (string.IsNullOrWhiteSpace(value))
        {
            return this;
        }

        CheckValue(name, value);
        return new RequirementSet([.. Entries, new RequirementEntry(name.Trim(), value.Trim())], FreeText);
    }

    /// <summary>A copy with this free text (replacing any before).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The new set.</returns>
    public RequirementSet WithText(string? text) => new(Entries, CheckText(text, nameof(text)));

    private static void CheckName(string? name, int position)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"Entry {position} has no field name. Give each value the name of its field, for example \"output_signal\".", "values");
        }

        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"Entry {position} has a field name of {name.Length} characters; the limit is {MaxNameLength}.", "values");
        }

        if (name.Any(char.IsControl))
        {
            throw new ArgumentException($"The field name of entry {position} contains a control character. Remove line breaks, tabs and other control characters.", "values");
        }
    }

    private static void CheckValue(string name, string value)
    {
        if (value.Length > MaxValueLength)
        {
            throw new ArgumentException($"The value of '{Printable(name)}' has {value.Length} characters; the limit is {MaxValueLength}. Give just the value.", "values");
        }

        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"The value of '{Printable(name)}' contains a control character. Remove line breaks, tabs and other control characters.", "values");
        }

        if (Internal.QuantityParser.HasLoneSurrogate(value) || Internal.QuantityParser.HasLoneSurrogate(name))
        {
            throw new ArgumentException($"The entry '{Printable(name)}' contains a broken character (half of a UTF-16 surrogate pair). Send the text as valid Unicode.", "values");
        }
    }

    private static string? CheckText(string? text, string paramName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            throw new ArgumentException($"The free text has {text.Length} characters; the limit is {MaxTextLength}. Pass the requirements of one product.", paramName);
        }

        if (text.Any(static c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new ArgumentException("The free text contains a control character other than a line break or tab. Remove it.", paramName);
        }

        if (Internal.QuantityParser.HasLoneSurrogate(text))
        {
            throw new ArgumentException("The free text contains a broken character (half of a UTF-16 surrogate pair). Send the text as valid Unicode.", paramName);
        }

        return text.Trim();
    }

    private static string Printable(string text) => new(text.Take(40).Select(static c => char.IsControl(c) ? '?' : c).ToArray());
}
