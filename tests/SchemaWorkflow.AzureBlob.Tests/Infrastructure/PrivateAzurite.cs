using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SchemaWorkflow.AzureBlob.Tests.Infrastructure;

/// <summary>
/// An Azurite Blob process of the test's own, on its own port, persisting to a temporary folder so that its data
/// survives a stop and restart. Uses the pinned Azurite in <c>.ci/azurite</c> (running <c>npm ci</c> there if needed).
/// </summary>
internal sealed class PrivateAzurite : IAsyncDisposable
{
    private readonly string _binary;
    private readonly DirectoryInfo _location;
    private Process? _process;

    private PrivateAzurite(string binary, int port, DirectoryInfo location)
    {
        _binary = binary;
        Port = port;
        _location = location;
    }

    public int Port { get; }

    public string ConnectionString => Azurite.ConnectionStringFor(Port);

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<PrivateAzurite> StartAsync()
    {
        var binary = await EnsureInstalledAsync();
        var azurite = new PrivateAzurite(binary, Azurite.ClosedPort(), Directory.CreateTempSubdirectory("schemaworkflow-azurite-"));
        await azurite.StartProcessAsync();
        return azurite;
    }

    /// <summary>Stops the emulator the way an orchestrator would (SIGTERM), and waits until it has exited.</summary>
    public void Stop()
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                kill!.WaitForExit();
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }

        process.Dispose();
        _process = null;
    }

    public Task RestartAsync()
    {
        Stop();
        return StartProcessAsync();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            _location.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(_binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", _location.FullName, "--loose", "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_binary}.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited at start (code {process.ExitCode}): {output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var root = FindRepositoryRoot();
        var folder = Path.Combine(root, ".ci", "azurite");
        var binary = Path.Combine(folder, "node_modules", ".bin", "azurite-blob");
        if (File.Exists(binary))
        {
            return binary;
        }

        var npm = new ProcessStartInfo("npm") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            npm.ArgumentList.Add(arg);
        }

        using var process = Process.Start(npm) ?? throw new InvalidOperationException("Could not run npm to install Azurite.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 || !File.Exists(binary))
        {
            throw new InvalidOperationException($"'npm ci' in {folder} failed (exit {process.ExitCode}): {await stdout}{await stderr}");
        }

        return binary;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SchemaWorkflow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SchemaWorkflow.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
