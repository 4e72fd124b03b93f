using System.Text.RegularExpressions;
using SchemaWorkflow.Validation.Internal;

namespace SchemaWorkflow.Validation;

/// <summary>
/// Validates a buyer's requirements against a schema, deterministically: every name is tied to a field by key,
/// display name, synonym, word order or spelling; every free-text segment is routed to the field its value fits
/// (allowed values, unit dimension, words); every value is parsed to the field's type and unit; cited standards facts
/// and conditional fields are checked. Pure and thread-safe.
/// </summary>
public static partial class RequirementsValidator
{
    private static readonly HashSet<string> GenericNameWords = new(StringComparer.Ordinal)
    {
        "type", "range", "material", "class", "rating", "value", "limit", "connection", "signal", "output", "input", "number", "maximum", "minimum", "max", "min", "process",
    };

    /// <summary>Validates requirements against a schema.</summary>
    /// <param name="schema">The schema (normally the enriched one from <see cref="ISchemaWorkflow.GetOrGenerateAsync"/>).</param>
    /// <param name="requirements">The requirements; <see cref="RequirementSet.Empty"/> lists every mandatory field as missing.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> or <paramref name="requirements"/> is null.</exception>
    public static ValidationReport Validate(ProductSchema schema, RequirementSet requirements)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(requirements);
        return new Run(schema, requirements).Execute();
    }

    private sealed class Run
    {
        private readonly ProductSchema _schema;
        private readonly RequirementSet _requirements;
        private readonly FieldIndex _index;
        private readonly Dictionary<string, ProvidedRequirement> _provided = new(StringComparer.Ordinal);
        private readonly Dictionary<string, InvalidRequirement> _invalid = new(StringComparer.Ordinal);
        private readonly List<UnrecognisedRequirement> _unrecognised = [];
        private readonly List<string> _texts = [];

        public Run(ProductSchema schema, RequirementSet requirements)
        {
            _schema = schema;
            _requirements = requirements;
            _index = new FieldIndex(schema);
        }

        public ValidationReport Execute()
        {
            foreach (var entry in _requirements.Entries)
            {
                _texts.Add(entry.Name + ": " + entry.Value);
                Named(entry.Name, entry.Value, fromText: false);
            }

            var segments = FreeTextSplitter.Split(_requirements.FreeText);
            foreach (var segment in segments.Take(FreeTextSplitter.MaxSegments))
            {
                _texts.Add(segment);
                Segment(segment);
            }

            if (segments.Count > FreeTextSplitter.MaxSegments)
            {
                _unrecognised.Add(new UnrecognisedRequirement
                {
                    Value = string.Join(", ", segments.Skip(FreeTextSplitter.MaxSegments).Take(3)) + "…",
                    Message = $"The free text has {segments.Count} parts; only the first {FreeTextSplitter.MaxSegments} were read. Pass the requirements of one product.",
                });
            }

            CheckStandards();
            var conditional = Conditions(out var requiredByCondition);
            return Build(conditional, requiredByCondition);
        }

        private void Named(string name, string value, bool fromText)
        {
            var (fields, matchedBy) = _index.Resolve(name);
            if (fields.Count == 0)
            {
                var suggestions = _index.Suggest(name);
                _unrecognised.Add(new UnrecognisedRequirement
                {
                    Name = name,
                    Value = value,
                    Message = $"'{ValueParser.Shorten(name)}' is not a field of {Article(_schema.DisplayName)}." +
                              (suggestions.Count > 0 ? $" Did you mean {ValueParser.JoinOr(suggestions.Select(static s => s.DisplayName).ToList())}?" : " Check the name against the schema's fields."),
                    Suggestions = suggestions,
                });
                return;
            }

            var field = fields[0];
            var result = ValueParser.Parse(field, value);
            var notes = new List<string>();
            if (fields.Count > 1 && matchedBy == MatchedBy.PartialName)
            {
                // "scale" is part of "Scale range" and "Scale unit": only a value that fits exactly one of them decides.
                var fitting = fields.Select(f => (Field: f, Result: ValueParser.Parse(f, value)))
                    .Where(static x => x.Result.Success)
                    .OrderByDescending(static x => x.Result.Confidence)
                    .ToList();
                if (fitting.Count == 0 || (fitting.Count > 1 && fitting[0].Result.Confidence - fitting[1].Result.Confidence < 5))
                {
                    var names = ValueParser.JoinOr(fields.Take(4).Select(static f => f.DisplayName).ToList());
                    _unrecognised.Add(new UnrecognisedRequirement
                    {
                        Name = name,
                        Value = value,
                        Message = $"'{ValueParser.Shorten(name)}' could be {names} of {Article(_schema.DisplayName)}; use the full field name.",
                        Suggestions = fields.Take(4).Select(static f => new FieldSuggestion(f.Key, f.DisplayName)).ToList(),
                    });
                    return;
                }

                (field, result) = fitting[0];
                notes.Add($"Read '{ValueParser.Shorten(name)}' as {field.DisplayName}, the field of that name the value fits best.");
            }
            else if (fields.Count > 1)
            {
                var best = fields
                    .Select(f => (Field: f, Result: ValueParser.Parse(f, value)))
                    .Where(static x => x.Result.Success)
                    .OrderByDescending(static x => x.Result.Confidence)
                    .ThenBy(x => _index.OrderOf(x.Field))
                    .FirstOrDefault();
                if (best.Field is not null)
                {
                    (field, result) = (best.Field, best.Result);
                }

                notes.Add($"'{ValueParser.Shorten(name)}' also names {ValueParser.JoinOr(fields.Where(f => !ReferenceEquals(f, field)).Select(static f => f.DisplayName).ToList())}; read as {field.DisplayName} because the value fits it.");
            }

            if (matchedBy is MatchedBy.CloseSpelling || (matchedBy == MatchedBy.PartialName && fields.Count == 1))
            {
                notes.Add($"Read '{ValueParser.Shorten(name)}' as {field.DisplayName}.");
            }

            Accept(field, result, value, name, matchedBy, notes);
        }

        private void Segment(string segment)
        {
            var named = NamedSegment().Match(segment);
            if (named.Success && _index.Resolve(named.Groups["name"].Value).Fields.Count > 0)
            {
                Named(named.Groups["name"].Value.Trim(), named.Groups["value"].Value.Trim(), fromText: true);
                return;
            }

            if (LeadingName(segment) is { } led)
            {
                Accept(led.Field, led.Result, segment, led.Name, led.MatchedBy, []);
                return;
            }

            var candidates = Candidates(segment, leftoverOnly: false);
            if (candidates.Count == 0 && named.Success)
            {
                // "colour: blue" names a field the schema does not have; say that rather than "could not tell".
                Named(named.Groups["name"].Value.Trim(), named.Groups["value"].Value.Trim(), fromText: true);
                return;
            }

            if (candidates.Count == 0)
            {
                var suggestions = SegmentSuggestions(segment);
                _unrecognised.Add(new UnrecognisedRequirement
                {
                    Value = segment,
                    Message = NoFieldForDimension(segment) ?? $"Could not tell which field of {Article(_schema.DisplayName)} '{ValueParser.Shorten(segment)}' is for; give it as name=value." +
                              (suggestions.Count > 0 ? $" It may be {ValueParser.JoinOr(suggestions.Select(static s => s.DisplayName).ToList())}." : string.Empty),
                    Suggestions = suggestions,
                });
                return;
            }

            var top = candidates[0];
            var pick = candidates.FirstOrDefault(c => !IsTaken(c.Field) && c.Score >= top.Score - 5);
            if (pick is null)
            {
                if (_provided.TryGetValue(top.Field.Key, out var existing) && top.Result.Value is { } same && same.Display == existing.Value.Display)
                {
                    return;
                }

                var previous = _provided.TryGetValue(top.Field.Key, out var p) ? $"{p.Value.Display} (given as '{ValueParser.Shorten(p.OriginalText)}')" : "another value";
                Conflict(top.Field, segment, null, $"'{ValueParser.Shorten(segment)}' in the text conflicts with {top.Field.DisplayName} {previous}; keep one.");
                return;
            }

            var notes = new List<string>();
            if (!ReferenceEquals(pick, top))
            {
                notes.Add($"Read as {pick.Field.DisplayName} because {top.Field.DisplayName} was already given; name the field to be sure.");
            }
            else
            {
                var alike = candidates.Where(c => !ReferenceEquals(c, pick) && !IsTaken(c.Field) && Math.Abs(c.Score - pick.Score) < 0.01).Select(static c => c.Field.DisplayName).ToList();
                if (alike.Count > 0)
                {
                    notes.Add($"'{ValueParser.Shorten(segment)}' also fits {ValueParser.JoinOr(alike)}; name the field to be sure.");
                }
            }

            Accept(pick.Field, pick.Result, segment, null, MatchedBy.ValuePattern, notes);
        }

        private void Accept(SchemaField field, ValueParseResult result, string original, string? name, MatchedBy matchedBy, List<string> notes)
        {
            if (!result.Success)
            {
                AddInvalid(new InvalidRequirement
                {
                    Field = field.Key,
                    DisplayName = field.DisplayName,
                    Value = original,
                    OriginalName = name,
                    Reason = result.Error ?? InvalidReason.Unreadable,
                    Message = result.Message ?? $"'{ValueParser.Shorten(original)}' is not a value of {field.DisplayName}.",
                    Suggestions = result.Suggestions,
                });
                return;
            }

            var value = result.Value!;
            if (value.Kind == ParsedValueKind.NotApplicable && field.Requirement == RequirementLevel.Mandatory)
            {
                AddInvalid(new InvalidRequirement
                {
                    Field = field.Key,
                    DisplayName = field.DisplayName,
                    Value = original,
                    OriginalName = name,
                    Reason = InvalidReason.Placeholder,
                    Message = $"{field.DisplayName} is mandatory for {Article(_schema.DisplayName)}, so it cannot be '{ValueParser.Shorten(original)}'; give {ValueParser.Expectation(field)}.",
                });
                return;
            }

            if (_invalid.ContainsKey(field.Key))
            {
                return;
            }

            notes.AddRange(result.Notes);
            if (_provided.TryGetValue(field.Key, out var existing))
            {
                if (existing.Value.Display == value.Display)
                {
                    _provided[field.Key] = existing with { Notes = [.. existing.Notes, $"Also given as '{ValueParser.Shorten(original)}'."] };
                    return;
                }

                _provided.Remove(field.Key);
                Conflict(field, original, name, $"{field.DisplayName} was given twice with different values: '{ValueParser.Shorten(existing.OriginalText)}' ({existing.Value.Display}) and '{ValueParser.Shorten(original)}' ({value.Display}); keep one.");
                return;
            }

            var implied = Leftover(result.Leftover, field, original);
            if (implied)
            {
                notes.RemoveAll(static n => n.StartsWith("Ignored '", StringComparison.Ordinal));
            }

            _provided[field.Key] = new ProvidedRequirement
            {
                Field = field.Key,
                DisplayName = field.DisplayName,
                Group = field.Group,
                Requirement = field.Requirement,
                Value = value,
                OriginalText = original,
                OriginalName = name,
                MatchedBy = matchedBy,
                Notes = notes,
            };
        }

        // Words a value did not use may state another field: "1/2" NPT 316L" gives the connection and the material.
        private bool Leftover(string leftover, SchemaField origin, string original)
        {
            var words = TextCanon.Tokens(leftover).Where(t => !_index.WordsOf(origin).Contains(t, StringComparer.Ordinal)).ToArray();
            if (!words.Any(static w => w.Any(char.IsLetter)))
            {
                return false;
            }

            var text = string.Join(' ', words);
            var candidates = Candidates(text, leftoverOnly: true).Where(c => !ReferenceEquals(c.Field, origin) && !IsTaken(c.Field)).ToList();
            if (candidates.Count == 0)
            {
                return false;
            }

            var pick = candidates[0];
            _provided[pick.Field.Key] = new ProvidedRequirement
            {
                Field = pick.Field.Key,
                DisplayName = pick.Field.DisplayName,
                Group = pick.Field.Group,
                Requirement = pick.Field.Requirement,
                Value = pick.Result.Value!,
                OriginalText = original,
                MatchedBy = MatchedBy.Implied,
                Notes = [$"Implied by '{ValueParser.Shorten(original)}', given for {origin.DisplayName}."],
            };
            return true;
        }

        private bool IsTaken(SchemaField field) => _provided.ContainsKey(field.Key) || _invalid.ContainsKey(field.Key);

        private List<Candidate> Candidates(string segment, bool leftoverOnly)
        {
            var segmentWords = new HashSet<string>(TextCanon.Tokens(segment).Where(static t => !TextCanon.IsNumeric(t) && t.Length >= 3), StringComparer.Ordinal);
            var list = new List<Candidate>();
            foreach (var field in _index.Fields)
            {
                if (leftoverOnly && field.DataType != FieldDataType.Enum)
                {
                    continue;
                }

                var hints = _index.WordsOf(field).Count(w => w.Length >= 3 && !GenericNameWords.Contains(w) && segmentWords.Contains(w));
                var bonus = 15 * Math.Min(hints, 2);
                var result = ValueParser.Parse(field, segment);
                double score;
                switch (field.DataType)
                {
                    case FieldDataType.Enum when field.AllowedValues.Count > 0:
                        if (!result.Success || result.Confidence < (leftoverOnly ? 70 : 65) || IsNoneValue(result.Value!))
                        {
                            continue;
                        }

                        score = result.Confidence + bonus;
                        break;
                    case FieldDataType.Number or FieldDataType.Range:
                        if (result.Success)
                        {
                            if ((field.Unit is null || result.Confidence < 50) && hints == 0)
                            {
                                continue;
                            }

                            score = result.Confidence + bonus;
                        }
                        else if (result.Error is InvalidReason.OutOfRange or InvalidReason.ReversedRange or InvalidReason.UnitMismatch && (hints > 0 || result.Confidence >= 50))
                        {
                            score = 60 + bonus;
                        }
                        else
                        {
                            continue;
                        }

                        break;
                    default:
                        continue;
                }

                if (score >= 60)
                {
                    list.Add(new Candidate(field, result, score));
                }
            }

            return list
                .OrderByDescending(static c => c.Score)
                .ThenBy(static c => c.Field.Requirement == RequirementLevel.Mandatory ? 0 : c.Field.Requirement == RequirementLevel.Conditional ? 1 : 2)
                .ThenBy(c => _index.OrderOf(c.Field))
                .ToList();
        }

        // "Tag TT-101", "housing aluminium", "supply 24 V DC": leading words that name one field, then its value.
        private (SchemaField Field, ValueParseResult Result, string Name, MatchedBy MatchedBy)? LeadingName(string segment)
        {
            var words = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var n = Math.Min(4, words.Length - 1); n >= 1; n--)
            {
                if (words.Take(n).Any(static w => w.Any(char.IsDigit)))
                {
                    continue;
                }

                var name = string.Join(' ', words.Take(n));
                var (fields, matchedBy) = _index.Resolve(name);
                if (fields.Count != 1 || matchedBy == MatchedBy.CloseSpelling || IsTaken(fields[0]))
                {
                    continue;
                }

                var result = ValueParser.Parse(fields[0], string.Join(' ', words.Skip(n)));
                if (result.Success && (fields[0].DataType is FieldDataType.Text or FieldDataType.Boolean || matchedBy != MatchedBy.PartialName || result.Confidence >= 50))
                {
                    // "Ex d IIC T6 Gb" is a value as a whole, not the name "Ex" and the value "d IIC T6 Gb".
                    var whole = ValueParser.Parse(fields[0], segment);
                    if (fields[0].DataType == FieldDataType.Enum && whole.Success && whole.Confidence >= result.Confidence)
                    {
                        return null;
                    }

                    return (fields[0], result, name, matchedBy);
                }
            }

            return null;
        }

        private List<FieldSuggestion> SegmentSuggestions(string segment)
        {
            var canonical = TextCanon.Canonical(segment);
            if (canonical.Length == 0)
            {
                return [];
            }

            return _index.Fields
                .Where(static f => f.DataType == FieldDataType.Enum && f.AllowedValues.Count > 0)
                .Select(f => (Field: f, Score: f.AllowedValues.Max(a => FuzzySharp.Fuzz.WeightedRatio(canonical, TextCanon.Canonical(a)))))
                .Where(static x => x.Score >= 70)
                .OrderByDescending(static x => x.Score)
                .ThenBy(x => _index.OrderOf(x.Field))
                .Take(3)
                .Select(static x => new FieldSuggestion(x.Field.Key, x.Field.DisplayName))
                .ToList();
        }

        // "'0-10 bar' is a pressure; a temperature transmitter has no field for one."
        private string? NoFieldForDimension(string segment)
        {
            var quantity = QuantityParser.Parse(segment);
            var unit = quantity?.SharedUnits is [var first, ..] ? first : null;
            if (unit is null)
            {
                return null;
            }

            var any = _index.Fields.Any(f => UnitTable.ForSymbol(f.Unit)?.Dimension == unit.Dimension ||
                                             f.AcceptedUnits.Any(a => UnitTable.ForSymbol(a)?.Dimension == unit.Dimension));
            return any ? null : $"'{ValueParser.Shorten(segment)}' is {ValueParser.DimensionName(unit.Dimension)}, and {Article(_schema.DisplayName)} has no field for {ValueParser.DimensionName(unit.Dimension)}.";
        }

        private void Conflict(SchemaField field, string original, string? name, string message) =>
            AddInvalid(new InvalidRequirement
            {
                Field = field.Key,
                DisplayName = field.DisplayName,
                Value = original,
                OriginalName = name,
                Reason = InvalidReason.ConflictingValues,
                Message = message,
            });

        private void AddInvalid(InvalidRequirement invalid)
        {
            _provided.Remove(invalid.Field);
            _invalid.TryAdd(invalid.Field, invalid);
        }

        private void CheckStandards()
        {
            foreach (var field in _index.Fields)
            {
                if (field.Values.Count == 0 || !_provided.TryGetValue(field.Key, out var given))
                {
                    continue;
                }

                if (StandardsChecker.Check(field, given, _index, _provided) is { } conflict)
                {
                    AddInvalid(conflict);
                }
            }
        }

        private List<ConditionalRequirement> Conditions(out Dictionary<string, string> requiredByCondition)
        {
            requiredByCondition = new Dictionary<string, string>(StringComparer.Ordinal);
            var list = new List<ConditionalRequirement>();
            foreach (var field in _index.Fields.Where(static f => f.Requirement == RequirementLevel.Conditional))
            {
                var outcome = ConditionEvaluator.Evaluate(field, _index, _provided, _texts);
                var given = _provided.ContainsKey(field.Key);
                var condition = field.Condition ?? string.Empty;
                var message = outcome.Status switch
                {
                    ConditionStatus.Applies when given => $"{field.DisplayName} is required because {outcome.Reason}; it was given.",
                    ConditionStatus.Applies => $"{field.DisplayName} is required because {outcome.Reason}, and was not given.",
                    ConditionStatus.DoesNotApply => $"{field.DisplayName} is not required: {outcome.Reason}.",
                    _ => $"{field.DisplayName} is required when {condition.TrimEnd('.')}; {outcome.Reason}.",
                };
                if (outcome.Status == ConditionStatus.Applies)
                {
                    requiredByCondition[field.Key] = outcome.Reason;
                }

                list.Add(new ConditionalRequirement
                {
                    Field = field.Key,
                    DisplayName = field.DisplayName,
                    Condition = condition,
                    Status = outcome.Status,
                    Provided = given,
                    Message = message,
                });
            }

            return list;
        }

        private ValidationReport Build(List<ConditionalRequirement> conditional, Dictionary<string, string> requiredByCondition)
        {
            var missing = new List<MissingRequirement>();
            var mandatoryCount = 0;
            foreach (var field in _index.Fields)
            {
                if (field.Requirement == RequirementLevel.Mandatory)
                {
                    mandatoryCount++;
                }

                if (IsTaken(field))
                {
                    continue;
                }

                var expected = ValueParser.Expectation(field);
                if (field.Requirement == RequirementLevel.Mandatory)
                {
                    missing.Add(new MissingRequirement
                    {
                        Field = field.Key,
                        DisplayName = field.DisplayName,
                        Group = field.Group,
                        Description = field.Description,
                        Requirement = field.Requirement,
                        Expected = expected,
                        Message = $"{field.DisplayName} is mandatory and was not given; give {expected}.",
                    });
                }
                else if (requiredByCondition.TryGetValue(field.Key, out var reason))
                {
                    missing.Add(new MissingRequirement
                    {
                        Field = field.Key,
                        DisplayName = field.DisplayName,
                        Group = field.Group,
                        Description = field.Description,
                        Requirement = field.Requirement,
                        Condition = field.Condition,
                        Expected = expected,
                        Message = $"{field.DisplayName} is required because {reason}, and was not given; give {expected}.",
                    });
                }
            }

            var provided = _index.Fields.Where(f => _provided.ContainsKey(f.Key)).Select(f => _provided[f.Key]).ToList();
            var invalid = _index.Fields.Where(f => _invalid.ContainsKey(f.Key)).Select(f => _invalid[f.Key]).ToList();
            var mandatoryGiven = provided.Count(static p => p.Requirement == RequirementLevel.Mandatory);
            var summary = missing.Count == 0 && invalid.Count == 0
                ? $"Valid: all {mandatoryCount} mandatory fields of {Article(_schema.DisplayName)} are given and every value is acceptable."
                : $"Not valid: {mandatoryGiven} of {mandatoryCount} mandatory fields are given; {Count(missing.Count, "required field is", "required fields are")} missing and {Count(invalid.Count, "value is", "values are")} invalid.";
            if (_unrecognised.Count > 0)
            {
                summary += $" {Count(_unrecognised.Count, "input was", "inputs were")} not recognised.";
            }

            return new ValidationReport
            {
                ProductType = _schema.Key,
                DisplayName = _schema.DisplayName,
                SchemaFingerprint = _schema.Provenance.EnricherFingerprint is { } enricher
                    ? _schema.Provenance.GeneratorFingerprint + "+" + enricher
                    : _schema.Provenance.GeneratorFingerprint,
                SchemaEnriched = _schema.Provenance.Enricher is not null,
                Provided = provided,
                Missing = missing,
                Invalid = invalid,
                Unrecognised = _unrecognised,
                Conditional = conditional,
                MandatoryCount = mandatoryCount,
                Summary = summary,
            };
        }

        private static bool IsNoneValue(ParsedValue value) =>
            value.Kind == ParsedValueKind.Enum && value.Text is { } t && (string.Equals(t, "none", StringComparison.OrdinalIgnoreCase) || string.Equals(t, "no", StringComparison.OrdinalIgnoreCase));

        private static string Count(int n, string one, string many) => n == 1 ? "1 " + one : $"{n} {many}";
    }

    private static string Article(string displayName)
    {
        var lower = displayName.Length > 0 ? char.ToLowerInvariant(displayName[0]) + displayName[1..] : displayName;
        return (lower.Length > 0 && "aeiou".Contains(lower[0], StringComparison.Ordinal) ? "an " : "a ") + lower;
    }

    private sealed record Candidate(SchemaField Field, ValueParseResult Result, double Score);

    [GeneratedRegex(@"^(?<name>\p{L}[\p{L}\p{N} _\-/().']{0,60}?)\s*[:=]\s*(?<value>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedSegment();
}
