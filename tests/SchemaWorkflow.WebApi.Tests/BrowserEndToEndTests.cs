using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SchemaWorkflow.WebApi.Tests;

/// <summary>
/// Opens the spec-sheet page in headless Chromium (Debian package) driven by playwright-core, both installed by
/// .ci/test.sh, against the sample served by Kestrel on 127.0.0.1.
/// </summary>
public sealed class BrowserEndToEndTests
{
    [Fact]
    public async Task Page_loads_a_schema_and_shows_validation_messages_for_an_invalid_field()
    {
        var root = FindRepoRoot();
        var playwright = Path.Combine(root, ".ci", "e2e", "node_modules", "playwright-core");
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        Assert.True(Directory.Exists(playwright), $"playwright-core is not installed at {playwright}. Run `bash .ci/test.sh` (it runs `npm ci` in .ci/e2e), or `npm ci` in .ci/e2e yourself.");
        Assert.True(File.Exists(chromium), $"Chromium is not installed at {chromium}. Run `bash .ci/test.sh` (it installs the Debian chromium package), or `apt-get install chromium`.");

        using var factory = new ApiFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var baseUrl = factory.ClientOptions.BaseAddress.ToString();
        Assert.StartsWith("http://127.0.0.1:", baseUrl.Replace("localhost", "127.0.0.1", StringComparison.Ordinal), StringComparison.Ordinal);

        var script = Path.Combine(AppContext.BaseDirectory, "e2e", "sheet.e2e.mjs");
        var psi = new ProcessStartInfo("node", [script, baseUrl, playwright])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["CHROMIUM_PATH"] = chromium;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;

        Assert.True(process.ExitCode == 0, $"The browser script failed ({process.ExitCode}):\n{output}\n{await stderr}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("STATUS Temperature transmitter:", StringComparison.Ordinal));
        Assert.Contains("VERDICT Some requirements need attention.", lines);
        Assert.Contains(lines, l => l.StartsWith("MESSAGE invalid | ", StringComparison.Ordinal) && l.Contains("Calibrated range", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.StartsWith("MESSAGE missing | ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("MESSAGE provided | Output signal", StringComparison.Ordinal));
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SchemaWorkflow.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SchemaWorkflow.sln not found above " + AppContext.BaseDirectory);
    }
}
