using SchemaWorkflow.Datasheets.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SchemaWorkflow.Datasheets.Tests;

public sealed class ExplorationTests(CorpusFixture fixture, ITestOutputHelper output) : IClassFixture<CorpusFixture>
{
    [Theory]
    [InlineData("pressure_transmitter")]
    [InlineData("temperature_transmitter")]
    public async Task Dump(string key)
    {
        var result = await fixture.Generator().GenerateWithReportAsync(Requests.For(key));
        var r = result.Report;
        output.WriteLine($"error={r.Error} steps={string.Join(",", r.Steps.Select(s => s.Step + ":" + s.Duration.TotalMilliseconds))}");
        foreach (var v in r.Vendors)
        {
            output.WriteLine($"VENDOR {v.Vendor.Name} used={v.Used} error={v.Error}");
            foreach (var d in v.Documents)
            {
                output.WriteLine($"  DOC {d.Document.Document} {d.Status} pages={d.Pages} pairs={d.PairsFound} err={d.Error}");
                foreach (var s in d.Specifications)
                {
                    output.WriteLine($"    SPEC p{s.Provenance.Page} [{s.Method}] '{s.Key}' -> {s.FieldKey ?? "cand:" + s.CandidateKey} ({s.MatchScore}) = {s.Display} | vals=[{string.Join("|", s.Values)}] new=[{string.Join("|", s.NewValues)}] conf={s.Confidence:0.00}");
                }

                foreach (var x in d.Rejected)
                {
                    output.WriteLine($"    REJ p{x.Page} '{x.Key}'='{x.Value}' field={x.FieldKey}: {x.Reason}");
                }
            }
        }

        foreach (var w in r.Warnings)
        {
            output.WriteLine("WARN " + w);
        }

        if (result.Schema is { } schema)
        {
            output.WriteLine("SOURCES " + string.Join(" ; ", schema.Provenance.Sources));
            foreach (var f in schema.AllFields)
            {
                output.WriteLine($"FIELD {f.Group}/{f.Key} {f.DataType} {f.Unit} {f.Requirement} av=[{string.Join("|", f.AllowedValues)}] tr={f.TypicalRange}");
                foreach (var v in f.Values)
                {
                    output.WriteLine($"   VAL {v.Kind} [{string.Join("|", v.AllowedValues)}] {v.Range} {v.Number} {v.Unit} '{v.Label}' conf={v.Confidence} cites={string.Join(" / ", v.Citations.Select(c => c.Source + " " + c.Clause))}");
                }
            }

            output.WriteLine("GATE " + string.Join(" ; ", Quality.SchemaQualityGate.Validate(schema)));
        }
    }
}
