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
    [InlineData("")]
    [InlineData("a\tb")]
    public async Task Bad_session_id_throws(string session)
    {
        using var t = new TestWorkflow();
        await Assert.ThrowsAsync<ArgumentException>(() => t.Workflow.GetOrGenerateAsync("gauge", new SchemaRequestOptions { SessionId = session }).AsTask());
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
