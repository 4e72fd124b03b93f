
namespace SchemaWorkflow.Storage;

/// <summary>Options of <see cref="FileSystemSchemaStore"/>.</summary>
public sealed class FileSystemSchemaStoreOptions
{
    /// <summary>The folder that holds the schemas; created when missing. Default <c>./schemas</c>.</summary>
    public string RootPath { get; set; } = "schemas";

    /// <summary>Files larger than this are treated as corrupt and moved aside. Default 4 MiB.</summary>
    public long MaxFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a write or a move-aside waits for another writer's per-key lock. Default 10 seconds.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
