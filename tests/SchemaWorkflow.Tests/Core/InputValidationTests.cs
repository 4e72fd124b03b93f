using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Core;

public sealed class InputValidationTests
{
    [Fact]
    public async Task Null_product_type_throws_argument_null()
    {
        using var t = new TestWorkflow();
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => t.Workflow.GetOrGenerateAsync(null!).AsTask());
        Assert.Equal("productType", ex.ParamName);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("temperature\ntransmitter", "control character")]
    [InlineData("pressure\u0007gauge", "control character")]
    [InlineData("../../etc/passwd", "file path")]
    [InlineData("..\\..\\windows", "file path")]
    [InlineData("/etc/passwd", "file path")]
    [InlineData("!!!", "no letters")]
    public async Task Bad_product_type_throws_a_clear_argument_exception(string input, string expected)
    {
        using var t = new TestWorkflow();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => t.Workflow.GetOrGenerateAsync(input).AsTask());
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, t.Generator.Calls);
    }

    [Fact]
    public async Task Ten_thousand_characters_are_rejected_naming_the_limit()
    {
        using var t = new TestWorkflow();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => t.Workflow.GetOrGenerateAsync(new string('x', 10_000)).AsTask());
        Assert.Contains("10000 characters; the limit is 200", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u00A0\u2003 ", "empty")]
    [InlineData("gauge\u0085", "control character (U+0085)")]
    [InlineData("\u009Fgauge", "control character (U+009F)")]
    [InlineData("gauge\u007F", "control character (U+007F)")]
    [InlineData("\u001Fgauge", "control character (U+001F)")]
    [InlineData("pressure..gauge", "file path")]
    [InlineData("pressure\\gauge", "file path")]
    [InlineData("~gauge", "file path")]
    [InlineData("- / -", "no letters")]
    [InlineData("\u00A0--\u00A0", "no letters")]
    [InlineData("..\n", "control character")]
    public void Text_is_checked_in_a_fixed_order_with_the_same_message(string input, string expected)
    {
        var problem = ProductTypeText.FindProblem(input);
        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Equal(problem, Assert.Throws<ArgumentException>(() => ProductTypeText.Validate(input)).Message.Split(" (Parameter")[0]);
    }

    [Theory]
    [InlineData("Temperature Transmitter")]
    [InlineData("  pressure gauge ")]
    [InlineData("Ölstandsmessung")]
    [InlineData("\u00A0Durchflussmesser")]
    [InlineData("-- flow meter")]
    [InlineData("I/P converter")]
    [InlineData("3.5 digit indicator")]
    public void Acceptable_text_has_no_problem(string input) => Assert.Null(ProductTypeText.FindProblem(input));

    [Fact]
    public void The_length_limit_is_inclusive()
    {
        Assert.Null(ProductTypeText.FindProblem(new string('a', 20), maxLength: 20));
        Assert.Contains("21 characters; the limit is 20", ProductTypeText.FindProblem(new string('a', 21), maxLength: 20), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\tb")]
    [InlineData("a\u007Fb")]
    [InlineData("käse\u0085")]
    [InlineData("\u009F")]
    public async Task Bad_session_id_throws(string session)
    {
        using var t = new TestWorkflow();
        await Assert.ThrowsAsync<ArgumentException>(() => t.Workflow.GetOrGenerateAsync("gauge", new SchemaRequestOptions { SessionId = session }).AsTask());
    }

    [Theory]
    [InlineData("käse-Sitzung-1")]
    [InlineData("session 1 ~ é")]
    public async Task Session_ids_with_non_ascii_text_are_accepted(string session)
    {
        using var t = new TestWorkflow();
        var options = new SchemaRequestOptions { SessionId = session };
        await t.Workflow.GetOrGenerateAsync("gauge", options);
        var second = await t.Workflow.GetOrGenerateAsync("gauge", options);
        Assert.Equal(SchemaSource.SessionCache, second.Source);
    }

    [Fact]
    public async Task No_input_can_write_outside_the_store_folder()
    {
        var root = Directory.CreateTempSubdirectory("sw-traversal-");
        try
        {
            var storeDir = Path.Combine(root.FullName, "store");
            using var t = new TestWorkflow(build: b => b.UseFileSystemStore(storeDir));
            var inputs = new[] { "../../etc/passwd", "..\\x", "/tmp/evil", "a/../../b", "C:\\evil", "etc/passwd", "~/evil", "I/P converter", "..", "." };
            foreach (var input in inputs)
            {
                try
                {
                    await t.Workflow.GetOrGenerateAsync(input);
                }
                catch (ArgumentException)
                {
                    // Rejected at the entry point: nothing written.
                }
            }

            var outside = Directory.GetFiles(root.FullName, "*", SearchOption.AllDirectories)
                .Where(f => !f.StartsWith(storeDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .ToArray();
            Assert.Empty(outside);
            var written = Directory.GetFiles(storeDir, "*.json").Select(f => Path.GetFileName(f)!).Order().ToArray();
            Assert.Equal(["etc_passwd.json", "i_p_converter.json"], written);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Temperature Transmitter", "temperature_transmitter")]
    [InlineData("  Pressure-Gauge!! ", "pressure_gauge")]
    [InlineData("Débitmètre électromagnétique", "debitmetre_electromagnetique")]
    [InlineData("I/P converter", "i_p_converter")]
    public void Slug_keys_are_canonical(string input, string expected)
    {
        Assert.Equal(expected, ProductTypeText.ToKey(input).Value);
    }

    [Theory]
    [InlineData("Temperature_Transmitter")]
    [InlineData("_x")]
    [InlineData("a__b")]
    [InlineData("a/b")]
    public void Non_canonical_keys_are_rejected(string text)
    {
        Assert.False(ProductTypeKey.TryParse(text, out _));
        Assert.Throws<ArgumentException>(() => ProductTypeKey.Parse(text));
    }

    [Fact]
    public void Key_longer_than_the_limit_is_rejected()
    {
        Assert.False(ProductTypeKey.TryParse(new string('a', ProductTypeKey.MaxLength + 1), out _));
        Assert.True(ProductTypeKey.TryParse(new string('a', ProductTypeKey.MaxLength), out _));
        Assert.Equal(ProductTypeKey.MaxLength, ProductTypeText.ToKey(new string('b', 500)).Value.Length);
    }

    [Fact]
    public async Task File_store_file_names_come_from_the_key_only()
    {
        var dir = Directory.CreateTempSubdirectory("sw-names-");
        try
        {
            var store = new FileSystemSchemaStore(dir.FullName);
            var path = store.GetPath(ProductTypeKey.Parse("etc_passwd"));
            Assert.Equal(Path.Combine(dir.FullName, "etc_passwd.json"), path);
            await Task.CompletedTask;
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
