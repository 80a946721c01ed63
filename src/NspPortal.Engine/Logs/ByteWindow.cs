namespace NspPortal.Engine.Logs;

/// <summary>A sliding window over a stream: the readers scan <see cref="Buffer"/> from <see cref="Start"/> to
/// <see cref="End"/> and ask for more; the unconsumed tail moves to the front and the buffer grows only when one record
/// is larger than it. Memory stays bounded by the largest record, whatever the file's size.</summary>
internal sealed class ByteWindow(Stream stream, int initialSize = 1 << 16)
{
    public byte[] Buffer { get; private set; } = new byte[initialSize];

    /// <summary>First byte not consumed yet.</summary>
    public int Start { get; set; }

    /// <summary>One past the last byte read.</summary>
    public int End { get; private set; }

    public bool EndOfStream { get; private set; }

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads more bytes after <see cref="End"/>, keeping everything from <see cref="Start"/>; returns how far
    /// the kept bytes moved (subtract it from positions you hold), or -1 at the end of the stream.</summary>
    public int Fill()
    {
        if (EndOfStream)
        {
            return -1;
        }

        var shift = Start;
        if (Start > 0)
        {
            System.Buffer.BlockCopy(Buffer, Start, Buffer, 0, End - Start);
            End -= Start;
            Start = 0;
        }

        if (End == Buffer.Length)
        {
            var bigger = new byte[Buffer.Length * 2];
            System.Buffer.BlockCopy(Buffer, 0, bigger, 0, End);
            Buffer = bigger;
        }

        var read = stream.Read(Buffer, End, Buffer.Length - End);
        if (read == 0)
        {
            EndOfStream = true;
            return -1;
        }

        End += read;
        BytesRead += read;
        return shift;
    }

    /// <summary>Skips a UTF-8 byte-order mark at the very start.</summary>
    public void SkipBom()
    {
        while (End - Start < 3 && Fill() >= 0)
        {
        }

        if (End - Start >= 3 && Buffer[Start] == 0xEF && Buffer[Start + 1] == 0xBB && Buffer[Start + 2] == 0xBF)
        {
            Start += 3;
        }
    }

    /// <summary>The first byte that is not white space, without consuming it; -1 at the end of the stream.</summary>
    public int PeekNonWhiteSpace()
    {
        while (true)
        {
            for (var i = Start; i < End; i++)
            {
                if (Buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return Buffer[i];
                }
            }

            if (Fill() < 0)
            {
                return -1;
            }
        }
    }
}

/// <summary>The bytes a <see cref="ByteWindow"/> holds, then the rest of its stream: hands a peeked stream on.</summary>
internal sealed class WindowStream(ByteWindow window, Stream rest) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (window.Start < window.End)
        {
            var n = Math.Min(count, window.End - window.Start);
            System.Buffer.BlockCopy(window.Buffer, window.Start, buffer, offset, n);
            window.Start += n;
            return n;
        }

        return rest.Read(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
