using Xunit.Abstractions;

namespace SchemaWorkflow.Tests.Validation;

public sealed class ValidatorScratchTests(ITestOutputHelper output) : IClassFixture<SeedSchemaFixture>
{
    [Fact]
    public async Task Scratch()
    {
        var f = new SeedSchemaFixture();
        foreach (var (title, type, v, t) in SeedScenarios.All)
        {
            var r = await f.ValidateAsync(type, v, t);
            output.WriteLine("@@@" + title);
            output.WriteLine(SeedSchemaFixture.Render(r));
        }
    }
}
