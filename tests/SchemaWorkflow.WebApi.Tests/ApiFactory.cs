using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SchemaWorkflow.WebApi.Tests;

/// <summary>The sample host with its file store in a private temp folder.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _store = Directory.CreateTempSubdirectory("sw-webapi-");

    public string StorePath => _store.FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SchemaWorkflow:FileSystemStore:RootPath", _store.FullName);
        builder.UseEnvironment("Development");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _store.Exists)
        {
            _store.Delete(recursive: true);
        }
    }
}
