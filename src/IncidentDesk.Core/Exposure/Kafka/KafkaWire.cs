using System.Buffers.Binary;
using System.Text;

namespace IncidentDesk.Core.Exposure.Kafka;

/// <summary>An answer that is not what the Kafka protocol says it must be (truncated, wrong sizes, wrong request id).</summary>
public sealed class KafkaFormatException(string message) : Exception(message);

/// <summary>
/// Reads the Kafka protocol's primitive types, big-endian, from one response frame (the bytes after its size). Every
/// length is checked against what is left before anything is allocated: the bytes come from a server the desk does not
/// control, and a forged count must not make it allocate gigabytes.
/// </summary>
internal ref struct KafkaReader(ReadOnlySpan<byte> frame)
{
    private readonly ReadOnlySpan<byte> _frame = frame;
    private int _at;

    public readonly int Remaining => _frame.Length - _at;

    public short Int16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public bool Boolean() => Take(1)[0] != 0;

    public void Skip(int count) => Take(count);

    /// <summary>An unsigned variable-length integer (at most 5 bytes for 32 bits).</summary>
    public uint UVarint()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Take(1)[0];
            value |= (uint)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new KafkaFormatException("varint longer than 5 bytes");
    }

    /// <summary>STRING / NULLABLE_STRING (INT16 length, -1 = null) or their compact forms (UVARINT length + 1, 0 = null).</summary>
    public string? String(bool compact)
    {
        var length = compact ? (long)UVarint() - 1 : Int16();
        if (length < 0)
        {
            return null;
        }

        if (length > Remaining)
        {
            throw new KafkaFormatException($"string of {length} bytes, {Remaining} left");
        }

        return Encoding.UTF8.GetString(Take((int)length));
    }

    /// <summary>An array's element count (INT32, -1 = null; or compact: UVARINT count + 1, 0 = null); -1 for null.</summary>
    public int ArrayLength(bool compact, int minElementBytes)
    {
        var count = compact ? (long)UVarint() - 1 : Int32();
        if (count < 0)
        {
            return -1;
        }

        if (count * minElementBytes > Remaining)
        {
            throw new KafkaFormatException($"array of {count} cannot fit in {Remaining} bytes");
        }

        return (int)count;
    }

    /// <summary>Tagged fields of a flexible version: skipped, they carry nothing the check needs.</summary>
    public void SkipTaggedFields()
    {
        var count = UVarint();
        for (var i = 0u; i < count; i++)
        {
            UVarint();
            var size = UVarint();
            if (size > Remaining)
            {
                throw new KafkaFormatException($"tagged field of {size} bytes, {Remaining} left");
            }

            Skip((int)size);
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new KafkaFormatException($"needs {count} bytes, {Remaining} left");
        }

        var slice = _frame.Slice(_at, count);
        _at += count;
        return slice;
    }
}

/// <summary>Writes requests, big-endian, with their INT32 size in front.</summary>
internal sealed class KafkaWriter
{
    private readonly List<byte> _bytes = [0, 0, 0, 0];

    public KafkaWriter Int16(short value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteInt16BigEndian(b, value);
        _bytes.AddRange(b);
        return this;
    }

    public KafkaWriter Int32(int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(b, value);
        _bytes.AddRange(b);
        return this;
    }

    public KafkaWriter Byte(byte value)
    {
        _bytes.Add(value);
        return this;
    }

    /// <summary>STRING: INT16 length and UTF-8 bytes (the request header's client id is never compact).</summary>
    public KafkaWriter String(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        Int16(checked((short)utf8.Length));
        _bytes.AddRange(utf8);
        return this;
    }

    public byte[] ToFrame()
    {
        var frame = _bytes.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 4);
        return frame;
    }
}
