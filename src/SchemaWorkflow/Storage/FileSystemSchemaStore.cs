using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.IO.Hashing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SchemaWorkflow.Diagnostics;
using SchemaWorkflow.Serialization;

namespace SchemaWorkflow.Storage;

/// <summary>
/// The embedded default store: one JSON file per key in a folder. File names come from the canonical key only, so
/// no input can reach outside the folder. Writes go to a temporary file that is renamed into place under a per-key
/// file lock, so readers and other processes sharing the folder never see a torn file, and conditional writes
/// (create-if-absent, replace-if-match) hold across processes. A corrupt or unknown-format file is logged, moved
/// into <c>.corrupt/</c> (never deleted) and reported as a miss.
/// </summary>
public sealed class FileSystemSchemaStore : ISchemaStore
{
    private const string Extension = ".json";
    private readonly FileSystemSchemaStoreOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly string _root;

    // Per key, the ETag of the last file version this instance read in full and found valid. The ETag is a 128-bit
    // hash of every byte of the file, so a file with the same ETag holds the same bytes and its content hash needs no
    // second SHA-256; any change to the file (even outside the schema) changes the ETag and gets the full check.
    private readonly ConcurrentDictionary<ProductTypeKey, string> _verified = new();

    /// <summary>Creates the store.</summary>
    /// <param name="options">Folder and limits.</param>
    /// <param name="logger">Logger; none when null.</param>
    /// <param name="timeProvider">Clock; the system clock when null.</param>
    public FileSystemSchemaStore(IOptions<FileSystemSchemaStoreOptions> options, ILogger<FileSystemSchemaStore>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.RootPath, "options.RootPath");
        _root = Path.GetFullPath(_options.RootPath);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates the store on a folder with default limits.</summary>
    /// <param name="rootPath">The folder.</param>
    public FileSystemSchemaStore(string rootPath)
        : this(Options.Create(new FileSystemSchemaStoreOptions { RootPath = rootPath }))
    {
    }

    /// <summary>The full path of the folder.</summary>
    public string RootPath => _root;

    /// <summary>The file that holds a key; always directly inside <see cref="RootPath"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The full path.</returns>
    public string GetPath(ProductTypeKey key)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The key is empty.", nameof(key));
        }

        // A canonical key is [a-z0-9_]+, so it cannot hold a separator or "..".
        return Path.Combine(_root, key.Value + Extension);
    }

    /// <inheritdoc />
    public async ValueTask<StoreReadResult> GetAsync(ProductTypeKey key, CancellationToken cancellationToken = default)
    {
        var path = GetPath(key);
        byte[]? bytes;
        long length;
        try
        {
            (bytes, length) = await ReadBoundedAsync(path, _options.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return StoreReadResult.NotFound;
        }
        catch (DirectoryNotFoundException)
        {
            return StoreReadResult.NotFound;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable("read", ex);
        }

        if (bytes is null)
        {
            return await MoveAsideAsync(key, path, null, $"the file has {length} bytes; the limit is {_options.MaxFileBytes}.", cancellationToken).ConfigureAwait(false);
        }

        var etag = ComputeETag(bytes);
        var known = _verified.TryGetValue(key, out var verifiedETag) && string.Equals(verifiedETag, etag, StringComparison.Ordinal);
        var result = SchemaEnvelopeSerializer.Deserialize(bytes, key, etag, contentVerified: known);
        if (result.Status is StoreReadStatus.Corrupt or StoreReadStatus.UnknownFormat)
        {
            _verified.TryRemove(key, out _);
            return await MoveAsideAsync(key, path, etag, result.Problem!, cancellationToken, result.Status).ConfigureAwait(false);
        }

        if (!known && result.Status == StoreReadStatus.Found)
        {
            _verified[key] = etag;
        }

        return result;
    }

    /// <inheritdoc />
    public async ValueTask<StoreWriteResult> WriteAsync(SchemaEnvelope envelope, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var path = GetPath(envelope.Key);
        var bytes = SchemaEnvelopeSerializer.Serialize(envelope);
        var temp = Path.Combine(_root, $".{envelope.Key.Value}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(_root);
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken).ConfigureAwait(false);
            await using (await AcquireLockAsync(envelope.Key, cancellationToken).ConfigureAwait(false))
            {
                var exists = File.Exists(path);
                bool ok;
                if (condition.IsCreate)
                {
                    ok = !exists;
                }
                else
                {
                    ok = exists && string.Equals(ComputeETag(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)), condition.ETag, StringComparison.Ordinal);
                }

                if (!ok)
                {
                    return new StoreWriteResult(StoreWriteStatus.Conflict, null);
                }

                File.Move(temp, path, overwrite: true);
                return new StoreWriteResult(StoreWriteStatus.Written, ComputeETag(bytes));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable("write", ex);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(ProductTypeKey key, CancellationToken cancellationToken = default)
    {
        var path = GetPath(key);
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            await using (await AcquireLockAsync(key, cancellationToken).ConfigureAwait(false))
            {
                if (!File.Exists(path))
                {
                    return false;
                }

                File.Delete(path);
                return true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable("delete", ex);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredSchemaInfo> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        var files = Directory.GetFiles(_root, "*" + Extension, SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ProductTypeKey.TryParse(Path.GetFileNameWithoutExtension(file), out var key))
            {
                continue;
            }

            StoredSchemaInfo? info = null;
            try
            {
                var fi = new FileInfo(file);
                if (fi.Exists && fi.Length <= _options.MaxFileBytes)
                {
                    var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
                    info = new StoredSchemaInfo(key, ComputeETag(bytes), bytes.Length, fi.LastWriteTimeUtc);
                }
            }
            catch (FileNotFoundException)
            {
                // Deleted between listing and reading: not an entry any more.
            }

            if (info is not null)
            {
                yield return info;
            }
        }
    }

    /// <summary>
    /// Reads a whole file through one handle: its length (checked against the limit before anything is read) and
    /// its bytes into one array of that length. Null bytes, with the length, when the file is over the limit.
    /// </summary>
    private static async ValueTask<(byte[]? Bytes, long Length)> ReadBoundedAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes || length > Array.MaxLength)
        {
            return (null, length);
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = await RandomAccess.ReadAsync(handle, bytes.AsMemory(read), read, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                // Shorter than its length said (replaced files are renamed into place, so only a foreign writer
                // does this): judge what is there.
                return (bytes[..read], read);
            }

            read += n;
        }

        return (bytes, length);
    }

    private async ValueTask<StoreReadResult> MoveAsideAsync(ProductTypeKey key, string path, string? etag, string problem, CancellationToken cancellationToken, StoreReadStatus status = StoreReadStatus.Corrupt)
    {
        string? movedTo = null;
        try
        {
            await using (await AcquireLockAsync(key, cancellationToken).ConfigureAwait(false))
            {
                // Move only the bytes that were judged: a writer may have replaced the file meanwhile.
                if (File.Exists(path) && (etag is null || string.Equals(ComputeETag(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)), etag, StringComparison.Ordinal)))
                {
                    var aside = Path.Combine(_root, ".corrupt");
                    Directory.CreateDirectory(aside);
                    movedTo = Path.Combine(aside, $"{key.Value}.{_timeProvider.GetUtcNow():yyyyMMddTHHmmssfff}.{Guid.NewGuid():N}.json");
                    File.Move(path, movedTo);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable("move aside a corrupt entry of", ex);
        }

        SchemaWorkflowLog.StoreEntryUnreadable(_logger, key.Value, problem, movedTo ?? "(already replaced)");
        return new StoreReadResult { Status = status, Problem = problem, ETag = null };
    }

    private async ValueTask<IAsyncDisposable> AcquireLockAsync(ProductTypeKey key, CancellationToken cancellationToken)
    {
        var lockDir = Path.Combine(_root, ".locks");
        Directory.CreateDirectory(lockDir);
        var lockPath = Path.Combine(lockDir, key.Value + ".lock");
        var deadline = _timeProvider.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive OS lock, honoured by other processes sharing the folder.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (_timeProvider.GetElapsedTime(deadline) < _options.LockTimeout)
            {
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 50));
            }
        }
    }

    /// <summary>
    /// The version tag of a file's bytes: their 128-bit XXH3 hash. It only has to change whenever the bytes change,
    /// for conditional writes; integrity is the envelope's SHA-256 content hash, checked on every read. XXH3 costs
    /// well under a microsecond for a typical entry, where a second SHA-256 over the file cost about as much as
    /// verifying the content hash.
    /// </summary>
    private static string ComputeETag(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash);
        Span<char> tag = stackalloc char[34];
        tag[0] = '"';
        Convert.TryToHexStringLower(hash, tag[1..], out _);
        tag[^1] = '"';
        return new string(tag);
    }

    private SchemaStoreUnavailableException Unavailable(string operation, Exception ex) =>
        new($"The file-system schema store could not {operation} '{_root}': {ex.Message} Check that the folder exists, is writable and the disk is not full.", ex);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless: it never has a key's file name.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
