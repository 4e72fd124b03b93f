using System.Text.RegularExpressions;

namespace SchemaWorkflow.Validation.Internal;

/// <summary>The outcome of evaluating a condition, with the reason as a clause ("Sensor input type is Pt100, an RTD").</summary>
internal sealed record ConditionOutcome(ConditionStatus Status, string Reason);

/// <summary>
/// Evaluates the simple conditions catalogs write on conditional fields: "&lt;field&gt; is [an] &lt;value&gt;",
/// "&lt;field&gt; is not …", "&lt;field&gt; is one of a, b", "&lt;field&gt; above 200 °C", "&lt;field&gt; is given", and
/// phrases about hazardous areas and safety functions. Anything else is reported as unknown, never guessed.
/// </summary>
internal static partial class ConditionEvaluator
{
    // Word classes a condition may name instead of a value: "is an RTD" must hold for Pt100, "is a thermocouple" for Type K.
    private static readonly (Regex Word, Regex Member)[] Categories =
    [
        (new Regex(@"^(rtd|resistance thermometer|resistance temperature detector)s?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
         new Regex(@"\b(rtd|pt\s*\d+|ni\s*\d+|cu\s*\d+|resistance)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        (new Regex(@"^(tc|thermocouple)s?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
         new Regex(@"\b(tc|thermocouple|type\s*[bejknrstcl])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        (new Regex(@"^(fieldbus|digital bus)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
         new Regex(@"\b(fieldbus|profibus|foundation|modbus|ethernet)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
    ];

    public static ConditionOutcome Evaluate(SchemaField field, FieldIndex index, IReadOnlyDictionary<string, ProvidedRequirement> provided, IReadOnlyList<string> inputTexts)
    {
        var condition = ValueParser.Clean(field.Condition ?? string.Empty);
        condition = LeadingWhen().Replace(condition, string.Empty).TrimEnd('.');
        if (condition.Length == 0)
        {
            return new ConditionOutcome(ConditionStatus.Unknown, "the schema does not say when it is required");
        }

        if (HazardPhrase().IsMatch(condition))
        {
            return EvaluateHazard(field, provided, inputTexts);
        }

        if (SafetyPhrase().IsMatch(condition))
        {
            return EvaluateSafety(index, provided);
        }

        var comparison = Comparison().Match(condition);
        if (comparison.Success)
        {
            var left = comparison.Groups["left"].Value;
            var (targets, _) = index.Resolve(left, allowLoose: false);
            if (targets.Count == 1)
            {
                return EvaluateComparison(targets[0], comparison.Groups["op"].Value.ToLowerInvariant(), comparison.Groups["right"].Value, provided);
            }
        }

        // A condition that names a field but not in a form we read: say so rather than guess.
        var named = index.Fields.FirstOrDefault(f => !ReferenceEquals(f, field) &&
            (condition.Contains(f.Key, StringComparison.OrdinalIgnoreCase) || condition.Contains(f.DisplayName, StringComparison.OrdinalIgnoreCase)));
        return named is not null && !provided.ContainsKey(named.Key)
            ? new ConditionOutcome(ConditionStatus.Unknown, $"it depends on {named.DisplayName}, which was not given")
            : new ConditionOutcome(ConditionStatus.Unknown, "the condition could not be checked automatically");
    }

    private static ConditionOutcome EvaluateComparison(SchemaField target, string op, string right, IReadOnlyDictionary<string, ProvidedRequirement> provided)
    {
        if (!provided.TryGetValue(target.Key, out var given))
        {
            return new ConditionOutcome(ConditionStatus.Unknown, $"it depends on {target.DisplayName}, which was not given");
        }

        var value = given.Value;
        if (value.Kind == ParsedValueKind.NotApplicable)
        {
            return new ConditionOutcome(ConditionStatus.DoesNotApply, $"{target.DisplayName} was marked not applicable");
        }

        var negate = op.Contains("not", StringComparison.Ordinal) || op == "!=";
        right = Article().Replace(right.Trim(), string.Empty).Trim().Trim('"', '\'');
        if (GivenWords().IsMatch(right))
        {
            return negate
                ? new ConditionOutcome(ConditionStatus.DoesNotApply, $"{target.DisplayName} was given")
                : new ConditionOutcome(ConditionStatus.Applies, $"{target.DisplayName} was given");
        }

        bool holds;
        string? category = null;
        if (op is "above" or "over" or "exceeds" or ">" or ">=" or "below" or "under" or "<" or "<=" || op.StartsWith("is above", StringComparison.Ordinal) || op.StartsWith("is below", StringComparison.Ordinal))
        {
            var limit = ValueParser.ParseQuantity(right);
            var number = value.Kind == ParsedValueKind.Range ? value.Range!.Max ?? value.Range.Min : value.Number;
            if (limit is null || number is null)
            {
                return new ConditionOutcome(ConditionStatus.Unknown, "the condition could not be checked automatically");
            }

            var threshold = limit.Value;
            if (limit.Unit is not null && value.Unit is not null && !ValueParser.TryConvert(limit.Value, limit.Unit, value.Unit, out threshold))
            {
                return new ConditionOutcome(ConditionStatus.Unknown, "the condition could not be checked automatically");
            }

            var upper = op.Contains('>', StringComparison.Ordinal) || op.Contains("above", StringComparison.Ordinal) || op.Contains("over", StringComparison.Ordinal) || op.Contains("exceeds", StringComparison.Ordinal);
            if (value.Kind == ParsedValueKind.Range && !upper)
            {
                number = value.Range!.Min ?? value.Range.Max;
            }

            holds = upper ? (op.EndsWith('=') ? number >= threshold : number > threshold) : (op.EndsWith('=') ? number <= threshold : number < threshold);
        }
        else
        {
            var options = OneOf().Replace(right, string.Empty).Split([",", " or ", "/", ";"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var targetWords = ValueParser.FieldWords(target);
            var hit = options.Select(o => Article().Replace(o, string.Empty).Trim()).FirstOrDefault(o => Matches(target, value, o, targetWords));
            holds = hit is not null;
            category = hit is not null && IsCategory(hit) ? hit : null;
        }

        if (negate)
        {
            holds = !holds;
        }

        var described = $"{target.DisplayName} is {value.Display}" + (category is null ? string.Empty : ", " + WithArticle(category));
        return holds
            ? new ConditionOutcome(ConditionStatus.Applies, described)
            : new ConditionOutcome(ConditionStatus.DoesNotApply, described);
    }

    private static bool Matches(SchemaField target, ParsedValue value, string expected, HashSet<string> targetWords)
    {
        if (expected.Length == 0)
        {
            return false;
        }

        // A condition that names one of the field's own values compares values, so "is not 4-20 mA" holds for "4-20 mA HART".
        if (target.DataType == FieldDataType.Enum && value.Kind == ParsedValueKind.Enum &&
            EnumMatcher.Match(target.AllowedValues, expected) is { Success: true, Kind: EnumMatchKind.Exact or EnumMatchKind.Canonical } named)
        {
            return string.Equals(named.Value, value.Text, StringComparison.Ordinal);
        }

        if (value.Kind == ParsedValueKind.Boolean)
        {
            return ValueParser.ParseBoolean(expected) is { } b && b == value.Boolean;
        }

        var text = value.Text ?? value.Display;
        foreach (var (word, member) in Categories)
        {
            if (word.IsMatch(expected))
            {
                return member.IsMatch(text);
            }
        }

        // "output_type is a relay or PNP output": "output" restates the field, so "3-wire DC PNP" is a PNP output.
        var expectedTokens = TextCanon.Tokens(expected) is var all && all.Any(t => !targetWords.Contains(t)) ? all.Where(t => !targetWords.Contains(t)).ToArray() : all;
        var valueTokens = TextCanon.Tokens(text);
        return expectedTokens.Length > 0 && TextCanon.CountContained(expectedTokens, valueTokens) == expectedTokens.Length;
    }

    private static bool IsCategory(string word) => Categories.Any(c => c.Word.IsMatch(word));

    private static string WithArticle(string word) =>
        (word.Length > 0 && ("aeiou".Contains(char.ToLowerInvariant(word[0]), StringComparison.Ordinal) || word.StartsWith("RTD", StringComparison.OrdinalIgnoreCase)) ? "an " : "a ") + word;

    private static ConditionOutcome EvaluateHazard(SchemaField field, IReadOnlyDictionary<string, ProvidedRequirement> provided, IReadOnlyList<string> inputTexts)
    {
        foreach (var text in inputTexts)
        {
            var safe = SafeArea().Match(text);
            if (safe.Success)
            {
                return new ConditionOutcome(ConditionStatus.DoesNotApply, $"'{ValueParser.Shorten(text)}' says the area is not hazardous");
            }
        }

        provided.TryGetValue(field.Key, out var own);
        if (own is not null && (own.Value.Kind == ParsedValueKind.NotApplicable || IsNone(own.Value)))
        {
            return new ConditionOutcome(ConditionStatus.DoesNotApply, $"{field.DisplayName} was given as {own.Value.Display}");
        }

        foreach (var text in inputTexts)
        {
            var hazard = HazardEvidence().Match(text);
            if (hazard.Success)
            {
                return new ConditionOutcome(ConditionStatus.Applies, $"'{ValueParser.Shorten(text)}' indicates a hazardous area");
            }
        }

        if (own is not null)
        {
            return new ConditionOutcome(ConditionStatus.Applies, $"{field.DisplayName} was given as {own.Value.Display}");
        }

        return new ConditionOutcome(ConditionStatus.Unknown, "nothing given says whether the instrument is installed in a hazardous area");
    }

    private static ConditionOutcome EvaluateSafety(FieldIndex index, IReadOnlyDictionary<string, ProvidedRequirement> provided)
    {
        var safety = index.Fields.FirstOrDefault(static f => f.Key.Contains("functional_safety", StringComparison.Ordinal) || f.Key.Contains("sil", StringComparison.Ordinal));
        if (safety is null || !provided.TryGetValue(safety.Key, out var given))
        {
            return new ConditionOutcome(ConditionStatus.Unknown, "nothing given says whether the instrument serves a safety function");
        }

        return IsNone(given.Value) || given.Value.Kind == ParsedValueKind.NotApplicable
            ? new ConditionOutcome(ConditionStatus.DoesNotApply, $"{safety.DisplayName} is {given.Value.Display}")
            : new ConditionOutcome(ConditionStatus.Applies, $"{safety.DisplayName} is {given.Value.Display}");
    }

    private static bool IsNone(ParsedValue value) =>
        value.Kind == ParsedValueKind.Boolean ? value.Boolean == false : NoneWords().IsMatch(value.Display);

    [GeneratedRegex(@"^\s*(?:required\s+|mandatory\s+|only\s+)?(?:when|if|where|for)\s+(?:the\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingWhen();

    [GeneratedRegex(@"hazardous|explosive atmosphere|ex[- ]area|ex[- ]zone|classified area|\batex\b|\biecex\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HazardPhrase();

    [GeneratedRegex(@"safety (instrumented )?function|\bsis\b|safety loop|\bsil\b(?! ?[1-4])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SafetyPhrase();

    [GeneratedRegex(@"^(?<left>.+?)\s+(?<op>is not one of|is one of|is not|is above|is below|is|equals|=|==|!=|in|includes|above|below|over|under|exceeds|>=|<=|>|<)\s+(?<right>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^(an?|the)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Article();

    [GeneratedRegex(@"^\s*(one of|any of)\s+|[()\[\]]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneOf();

    [GeneratedRegex(@"^(given|provided|specified|set|stated|present|required)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GivenWords();

    [GeneratedRegex(@"\bEx\s*(?:ia|ib|ic|da|db|dc|d|eb|ec|e|ma|mb|mc|m|px|py|pz|p|q|o|n[arc]?|ta|tb|tc|t)\b|\bATEX\b|\bIECEx\b|\bzone\s*(?:0|1|2|20|21|22)\b|\bdiv(?:ision)?\.?\s*[12]\b|\bhazardous\b|\bexplosi(?:ve|on)\b|\bflame-?proof\b|\bintrinsic(?:ally)?\s+safe(?:ty)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HazardEvidence();

    [GeneratedRegex(@"\bsafe area\b|\bnon[- ]?hazardous\b|\bgeneral[- ]purpose area\b|\bnon[- ]?ex\b|\bunclassified area\b|\bordinary location\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SafeArea();

    [GeneratedRegex(@"^(none|no|not required|n/?a|not applicable|non-?ex|safe area)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoneWords();
}
