namespace SchemaWorkflow.AzureBlob.Tests;

/// <summary>
/// How the blob store reads a download's body: into one array of the declared length when the service declares it,
/// and never more than the limit, whatever the service declares or the stream delivers.
/// </summary>
public sealed class BlobBodyReadTests
{
    private static readonly byte[] Body = [.. Enumerable.Range(0, 10_000).Select(i => (byte)(i * 31))];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task A_body_of_the_declared_length_is_read_whole_however_the_stream_delivers_it(int piece)
    {
        var bytes = await AzureBlobSchemaStore.ReadBoundedAsync(new TrickleStream(Body, piece), Body.Length, limit: 1_000_000, CancellationToken.None);

        Assert.Equal(Body, bytes);
    }

    [Fact]
    public async Task A_body_shorter_than_declared_comes_back_as_it_arrived()
    {
        var bytes = await AzureBlobSchemaStore.ReadBoundedAsync(new TrickleStream(Body, 512), Body.Length + 100, limit: 1_000_000, CancellationToken.None);

        Assert.Equal(Body, bytes);
    }

    [Fact]
    public async Task A_body_longer_than_declared_is_read_on_under_the_limit()
    {
        var bytes = await AzureBlobSchemaStore.ReadBoundedAsync(new TrickleStream(Body, 512), Body.Length - 100, limit: 1_000_000, CancellationToken.None);

        Assert.Equal(Body, bytes);
    }

    [Fact]
    public async Task A_body_longer_than_declared_and_over_the_limit_is_refused()
    {
        var bytes = await AzureBlobSchemaStore.ReadBoundedAsync(new TrickleStream(Body, 512), declaredLength: 1_000, limit: Body.Length - 1, CancellationToken.None);

        Assert.Null(bytes);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public async Task A_body_of_unknown_length_is_read_whole_up_to_the_limit(long declared)
    {
        Assert.Equal(Body, await AzureBlobSchemaStore.ReadBoundedAsync(new TrickleStream(Body, 4096), declared, limit: Body.Length, CancellationToken.None));
        Assert.Null(await AzureBlobSchemaStore.ReadBoundedAsync(new TrickleStream(Body, 4096), declared, limit: Body.Length - 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_read_that_is_cancelled_throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AzureBlobSchemaStore.ReadBoundedAsync(new TrickleStream(Body, 512), Body.Length, limit: 1_000_000, cts.Token));
    }

    /// <summary>A read-only stream that hands out at most <c>piece</c> bytes per read, as a network body may.</summary>
    private sealed class TrickleStream(byte[] data, int piece) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(piece, buffer.Length), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
