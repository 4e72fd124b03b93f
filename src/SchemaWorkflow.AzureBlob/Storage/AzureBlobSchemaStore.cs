using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SchemaWorkflow.AzureBlob.Diagnostics;
using SchemaWorkflow.Serialization;
using SchemaWorkflow.Storage;

namespace SchemaWorkflow.AzureBlob;

/// <summary>
/// A schema store in Azure Blob Storage, shared by every instance of a scaled-out host. Each product type is one
/// blob, <c>{Prefix}/{key}.json</c>, holding the versioned envelope as JSON, with metadata for tools. Writes are
/// conditional (create with <c>If-None-Match: *</c>, replace with <c>If-Match: etag</c>), so two instances never
/// overwrite each other; reads are bounded by <see cref="AzureBlobSchemaStoreOptions.MaxBlobBytes"/>; an unreadable
/// blob is reported with its ETag and left in place for a conditional replace. As an
/// <see cref="ISchemaGenerationLock"/> it takes a renewed lease on <c>{Prefix}/.locks/{key}.lock</c> so one instance
/// generates a product type while the others wait.
/// </summary>
public sealed class AzureBlobSchemaStore : ISchemaStore, ISchemaGenerationLock
{
    /// <summary>The content type of schema blobs.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>The metadata name of the product type key.</summary>
    public const string ProductTypeMetadata = "producttype";

    /// <summary>The metadata name of the envelope format version.</summary>
    public const string FormatVersionMetadata = "formatversion";

    /// <summary>The metadata name of the generator fingerprint.</summary>
    public const string GeneratorFingerprintMetadata = "generatorfingerprint";

    /// <summary>The metadata name of the schema's content hash.</summary>
    public const string ContentHashMetadata = "contenthash";

    private const string SchemaExtension = ".json";
    private const string LockFolder = ".locks/";
    private const string LockExtension = ".lock";

    private readonly AzureBlobSchemaStoreOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly string _schemaPrefix;
    private readonly string _lockPrefix;
    private readonly ConcurrentDictionary<BlobLeaseHandle, byte> _heldLeases = new();

    /// <summary>Creates the store with a client built from <see cref="AzureBlobSchemaStoreOptions.ConnectionString"/> or <see cref="AzureBlobSchemaStoreOptions.ServiceUri"/>.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="logger">Logger; none when null.</param>
    /// <param name="timeProvider">Clock for lease renewal; the system clock when null.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public AzureBlobSchemaStore(AzureBlobSchemaStoreOptions options, ILogger<AzureBlobSchemaStore>? logger = null, TimeProvider? timeProvider = null)
        : this(CreateClient(options), options, logger, timeProvider)
    {
    }

    /// <summary>Creates the store on a Blob service client (its own retry and credential settings apply).</summary>
    /// <param name="serviceClient">The Blob service client.</param>
    /// <param name="options">The options; the client settings in them are ignored. Validated here.</param>
    /// <param name="logger">Logger; none when null.</param>
    /// <param name="timeProvider">Clock for lease renewal; the system clock when null.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public AzureBlobSchemaStore(BlobServiceClient serviceClient, AzureBlobSchemaStoreOptions options, ILogger<AzureBlobSchemaStore>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(serviceClient);
        ThrowIfInvalid(options, checkClientSource: false);
        _options = options;
        Container = serviceClient.GetBlobContainerClient(options.ContainerName);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _schemaPrefix = options.Prefix.Length == 0 ? string.Empty : options.Prefix + "/";
        _lockPrefix = _schemaPrefix + LockFolder;
    }

    /// <summary>The container client the store works in.</summary>
    public BlobContainerClient Container { get; }

    /// <summary>The options in force.</summary>
    internal AzureBlobSchemaStoreOptions Options => _options;

    /// <summary>Leases held by this store right now, for tests and diagnostics.</summary>
    internal int HeldLeaseCount => _heldLeases.Count;

    /// <summary>The name of the blob that holds a key: <c>{Prefix}/{key}.json</c>, built from the canonical key only.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The blob name.</returns>
    public string GetBlobName(ProductTypeKey key) => _schemaPrefix + CheckKey(key) + SchemaExtension;

    /// <summary>The name of the lock blob of a key: <c>{Prefix}/.locks/{key}.lock</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The blob name.</returns>
    public string GetLockBlobName(ProductTypeKey key) => _lockPrefix + CheckKey(key) + LockExtension;

    /// <inheritdoc />
    public async ValueTask<StoreReadResult> GetAsync(ProductTypeKey key, CancellationToken cancellationToken = default)
    {
        var name = GetBlobName(key);
        var blob = Container.GetBlobClient(name);
        try
        {
            using var download = (await blob.DownloadStreamingAsync(new BlobDownloadOptions(), cancellationToken).ConfigureAwait(false)).Value;
            var etag = FormatETag(download.Details.ETag);
            var length = download.Details.ContentLength;

            // The headers arrive before the body: an oversized blob is judged without downloading it.
            if (length > _options.MaxBlobBytes)
            {
                return Unreadable(key, name, StoreReadStatus.Corrupt, etag, $"the blob has {length} bytes; the limit (MaxBlobBytes) is {_options.MaxBlobBytes}.");
            }

            var bytes = await ReadBoundedAsync(download.Content, length, _options.MaxBlobBytes, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return Unreadable(key, name, StoreReadStatus.Corrupt, etag, $"the blob holds more than the limit (MaxBlobBytes) of {_options.MaxBlobBytes} bytes.");
            }

            var result = SchemaEnvelopeSerializer.Deserialize(bytes, key, etag);
            return result.Status is StoreReadStatus.Corrupt or StoreReadStatus.UnknownFormat
                ? Unreadable(key, name, result.Status, etag, result.Problem ?? "unreadable", result)
                : result;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // BlobNotFound, or ContainerNotFound before the first write: both mean no entry.
            return StoreReadResult.NotFound;
        }
        catch (Exception ex) when (AzureBlobFailures.IsFailure(ex, cancellationToken))
        {
            throw Unavailable("read", name, ex);
        }
    }

    /// <inheritdoc />
    public async ValueTask<StoreWriteResult> WriteAsync(SchemaEnvelope envelope, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var name = GetBlobName(envelope.Key);
        var bytes = SchemaEnvelopeSerializer.Serialize(envelope, out var contentHash);
        if (bytes.Length > _options.MaxBlobBytes)
        {
            // Storing it would only make every later read report it corrupt.
            throw new InvalidOperationException($"The schema for '{envelope.Key}' serializes to {bytes.Length} bytes, above SchemaWorkflow:AzureBlob:MaxBlobBytes ({_options.MaxBlobBytes}); it was not stored. Raise MaxBlobBytes if schemas this large are expected.");
        }

        var blob = Container.GetBlobClient(name);
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = JsonContentType },
            Metadata = CreateMetadata(envelope, contentHash),
            Conditions = condition.IsCreate
                ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : new BlobRequestConditions { IfMatch = new ETag(condition.ETag!) },
        };
        var containerChecked = false;
        while (true)
        {
            try
            {
                var response = await blob.UploadAsync(BinaryData.FromBytes(bytes), upload, cancellationToken).ConfigureAwait(false);
                return new StoreWriteResult(StoreWriteStatus.Written, FormatETag(response.Value.ETag));
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // BlobAlreadyExists (create lost the race) or ConditionNotMet (replaced meanwhile): nothing was overwritten.
                return new StoreWriteResult(StoreWriteStatus.Conflict, null);
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && AzureBlobFailures.Is(ex, BlobErrorCode.ContainerNotFound) && condition.IsCreate && !containerChecked && _options.CreateContainerIfNotExists)
            {
                containerChecked = true;
                await EnsureContainerAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && !condition.IsCreate)
            {
                // The entry to replace is gone: the precondition fails, as for a changed ETag.
                return new StoreWriteResult(StoreWriteStatus.Conflict, null);
            }
            catch (Exception ex) when (AzureBlobFailures.IsFailure(ex, cancellationToken))
            {
                throw Unavailable("write", name, ex);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(ProductTypeKey key, CancellationToken cancellationToken = default)
    {
        var name = GetBlobName(key);
        try
        {
            var response = await Container.GetBlobClient(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
        catch (Exception ex) when (AzureBlobFailures.IsFailure(ex, cancellationToken))
        {
            throw Unavailable("delete", name, ex);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredSchemaInfo> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A delimiter listing returns the schema blobs of the folder and only a single entry for .locks/.
        var items = Container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Prefix = _schemaPrefix, Delimiter = "/" }, cancellationToken);
        var enumerator = items.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    yield break;
                }
                catch (Exception ex) when (AzureBlobFailures.IsFailure(ex, cancellationToken))
                {
                    throw Unavailable("list", _schemaPrefix + "*" + SchemaExtension, ex);
                }

                if (!more)
                {
                    yield break;
                }

                if (enumerator.Current is not { IsBlob: true, Blob: { } item })
                {
                    continue;
                }

                var name = item.Name.AsSpan(_schemaPrefix.Length);
                if (!name.EndsWith(SchemaExtension, StringComparison.Ordinal) ||
                    !ProductTypeKey.TryParse(name[..^SchemaExtension.Length].ToString(), out var key))
                {
                    continue;
                }

                yield return new StoredSchemaInfo(key, item.Properties.ETag is { } etag ? FormatETag(etag) : string.Empty, item.Properties.ContentLength ?? 0, item.Properties.LastModified ?? default);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(ProductTypeKey key, CancellationToken cancellationToken = default)
    {
        var name = GetLockBlobName(key);
        var blob = Container.GetBlobClient(name);
        var lease = blob.GetBlobLeaseClient(Guid.NewGuid().ToString());
        var created = false;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(_options.LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
                var handle = new BlobLeaseHandle(this, name, lease, _options.LeaseDuration / 3, _timeProvider, _logger);
                _heldLeases.TryAdd(handle, 0);
                handle.Start();
                AzureBlobLog.LeaseAcquired(_logger, name);
                return handle;
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && AzureBlobFailures.Is(ex, BlobErrorCode.LeaseAlreadyPresent))
            {
                AzureBlobLog.LeaseBusy(_logger, name);
                return null;
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && !created)
            {
                created = true;
                await CreateLockBlobAsync(blob, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (AzureBlobFailures.IsFailure(ex, cancellationToken))
            {
                throw Unavailable("take the generation lease on", name, ex);
            }
        }
    }

    /// <summary>
    /// Simulates the death of this instance for tests: every lease it holds stops renewing and is never released, so
    /// it expires on the service after <see cref="AzureBlobSchemaStoreOptions.LeaseDuration"/>.
    /// </summary>
    /// <returns>How many leases were abandoned.</returns>
    internal int AbandonHeldLeases()
    {
        var count = 0;
        foreach (var handle in _heldLeases.Keys)
        {
            handle.Abandon();
            count++;
        }

        return count;
    }

    /// <summary>
    /// One spelling of an ETag for every path: response headers carry it quoted, listings may not; the quoted
    /// (header) form is what <see cref="WriteCondition.IfMatch"/> gets back.
    /// </summary>
    internal static string FormatETag(ETag etag) => etag.ToString("H");

    internal void Forget(BlobLeaseHandle handle) => _heldLeases.TryRemove(handle, out _);

    internal SchemaStoreUnavailableException Unavailable(string operation, string blobName, Exception ex) =>
        AzureBlobFailures.Unavailable(operation, blobName, Container.Name, Container.Uri, ex);

    private async Task CreateLockBlobAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var upload = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        var containerChecked = false;
        while (true)
        {
            try
            {
                await blob.UploadAsync(BinaryData.Empty, upload, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another instance created it (and may hold its lease) first: the acquire that follows decides.
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && AzureBlobFailures.Is(ex, BlobErrorCode.ContainerNotFound) && !containerChecked && _options.CreateContainerIfNotExists)
            {
                containerChecked = true;
                await EnsureContainerAsync(blob.Name, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (AzureBlobFailures.IsFailure(ex, cancellationToken))
            {
                throw Unavailable("create the lock blob", blob.Name, ex);
            }
        }
    }

    private async Task EnsureContainerAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var created = await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (created is not null)
            {
                AzureBlobLog.ContainerCreated(_logger, Container.Name);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Created by another instance at the same moment (or still being deleted: the retried write will say).
        }
        catch (Exception ex) when (AzureBlobFailures.IsFailure(ex, cancellationToken))
        {
            throw Unavailable("create the container for", blobName, ex);
        }
    }

    private StoreReadResult Unreadable(ProductTypeKey key, string name, StoreReadStatus status, string etag, string problem, StoreReadResult? result = null)
    {
        AzureBlobLog.BlobUnreadable(_logger, name, key.Value, problem, status.ToString());
        return result ?? new StoreReadResult { Status = status, ETag = etag, Problem = problem };
    }

    /// <summary>
    /// Reads a blob's body, refusing more than <paramref name="limit"/> bytes. When the service declared the length
    /// (it always does for a whole-blob download), the body is read straight into an array of that length, with no
    /// intermediate buffer or copy; a body shorter than declared comes back as what arrived (the envelope reader then
    /// reports it corrupt), a longer one is read on under the same limit.
    /// </summary>
    /// <returns>The bytes, or null when the body holds more than <paramref name="limit"/> bytes.</returns>
    internal static async Task<byte[]?> ReadBoundedAsync(Stream content, long declaredLength, long limit, CancellationToken cancellationToken)
    {
        byte[] head = [];
        if (declaredLength > 0 && declaredLength <= limit && declaredLength <= Array.MaxLength)
        {
            head = new byte[declaredLength];
            var got = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (got < head.Length)
            {
                return head.AsSpan(0, got).ToArray();
            }

            var probe = new byte[1];
            if (await content.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0)
            {
                return head;
            }

            // More than the service declared: keep reading below, starting from what arrived.
            head = [.. head, probe[0]];
        }

        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var buffer = new MemoryStream();
            if (head.Length > limit)
            {
                return null;
            }

            buffer.Write(head);
            int read;
            while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static Dictionary<string, string> CreateMetadata(SchemaEnvelope envelope, string contentHash) => new(StringComparer.Ordinal)
    {
        [ProductTypeMetadata] = envelope.Key.Value,
        [FormatVersionMetadata] = envelope.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [GeneratorFingerprintMetadata] = HeaderSafe(envelope.GeneratorFingerprint),
        [ContentHashMetadata] = contentHash,
    };

    // Metadata travels as HTTP headers: printable ASCII only. The envelope keeps the exact value.
    private static string HeaderSafe(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                return Uri.EscapeDataString(value);
            }
        }

        return value;
    }

    private static string CheckKey(ProductTypeKey key)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The key is empty.", nameof(key));
        }

        // A canonical key is [a-z0-9_]+: it cannot hold '/', '.', or anything that escapes the prefix.
        return key.Value;
    }

    private static BlobServiceClient CreateClient(AzureBlobSchemaStoreOptions options)
    {
        ThrowIfInvalid(options, checkClientSource: true);
        return AzureBlobClientFactory.TryCreate(options)!;
    }

    private static void ThrowIfInvalid(AzureBlobSchemaStoreOptions options, bool checkClientSource)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = AzureBlobSchemaStoreOptionsValidation.Validate(options, clientSupplied: !checkClientSource, checkClientSource);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }
    }
}
