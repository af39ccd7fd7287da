namespace AstroBench.Server.Logs;

/// <summary>
/// A job's log as the original lab's <c>GET …/logs</c> returns it: the lines joined by <c>\n</c>
/// (no final newline). Read from the file as a stream, never loaded whole.
/// </summary>
internal static class PlainLog
{
    public static Stream Open(string path)
    {
        if (!File.Exists(path))
        {
            return Stream.Null;
        }
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = file.Length;
        if (length > 0)
        {
            file.Seek(length - 1, SeekOrigin.Begin);
            if (file.ReadByte() == '\n')
            {
                length--;
            }
            file.Seek(0, SeekOrigin.Begin);
        }
        return new LengthLimitedStream(file, length);
    }

    /// <summary>Reads at most <c>length</c> bytes: the log may grow while it is sent.</summary>
    private sealed class LengthLimitedStream(Stream inner, long length) : Stream
    {
        private readonly long _length = length;
        private long _left = length;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => _length - _left; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, (int)Math.Min(count, _left));
            _left -= n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _left)], cancellationToken);
            _left -= n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
