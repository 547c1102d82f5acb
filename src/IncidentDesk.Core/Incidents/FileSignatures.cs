using System.Text;

namespace IncidentDesk.Core.Incidents;

/// <summary>What <see cref="FileSignatures.Check"/> concluded about an uploaded file.</summary>
public enum FileVerdict
{
    Accepted = 0,

    /// <summary>No bytes at all: nothing to keep as evidence.</summary>
    Empty = 1,

    /// <summary>The extension is not on the allowlist (executables, scripts, HTML, SVG…).</summary>
    TypeNotAllowed = 2,

    /// <summary>The extension is allowed but the bytes are something else (an .exe renamed .pdf).</summary>
    Disguised = 3,
}

/// <summary>The verdict and, when accepted, the content type established from the bytes.</summary>
public sealed record FileCheck(FileVerdict Verdict, string? ContentType)
{
    public bool Accepted => Verdict == FileVerdict.Accepted;
}

/// <summary>
/// Which uploaded files may become evidence. The browser's claimed type and the extension alone prove nothing, so an
/// extension is accepted only when the file's own first bytes (its "magic number") agree with it; text types must be
/// valid UTF-8 without NUL bytes. Everything not listed is refused, so HTML, SVG and executables can never be stored
/// and later served back to a colleague's browser.
/// </summary>
public static class FileSignatures
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87 = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89 = "GIF89a"u8.ToArray();
    private static readonly byte[] Riff = "RIFF"u8.ToArray();
    private static readonly byte[] Webp = "WEBP"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // Known dangerous starts: whatever the extension says, these are never evidence files.
    private static readonly byte[] WindowsExecutable = "MZ"u8.ToArray();
    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46];
    private static readonly string[] MarkupStarts = ["<!doctype", "<html", "<svg", "<script", "<?xml", "<body", "<head", "<iframe"];

    private enum Family
    {
        Binary,
        Text,
    }

    private sealed record Rule(string ContentType, Family Family, Func<byte[], int, bool> Matches);

    private static readonly Dictionary<string, Rule> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", Family.Binary, (h, n) => StartsWith(h, n, Pdf)),
        [".png"] = new("image/png", Family.Binary, (h, n) => StartsWith(h, n, Png)),
        [".jpg"] = new("image/jpeg", Family.Binary, (h, n) => StartsWith(h, n, Jpeg)),
        [".jpeg"] = new("image/jpeg", Family.Binary, (h, n) => StartsWith(h, n, Jpeg)),
        [".gif"] = new("image/gif", Family.Binary, (h, n) => StartsWith(h, n, Gif87) || StartsWith(h, n, Gif89)),
        [".webp"] = new("image/webp", Family.Binary, (h, n) => StartsWith(h, n, Riff) && n >= 12 && h.AsSpan(8, 4).SequenceEqual(Webp)),
        [".zip"] = new("application/zip", Family.Binary, (h, n) => StartsWith(h, n, Zip)),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Family.Binary, (h, n) => StartsWith(h, n, Zip)),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Family.Binary, (h, n) => StartsWith(h, n, Zip)),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", Family.Binary, (h, n) => StartsWith(h, n, Zip)),
        [".odt"] = new("application/vnd.oasis.opendocument.text", Family.Binary, (h, n) => StartsWith(h, n, Zip)),
        [".ods"] = new("application/vnd.oasis.opendocument.spreadsheet", Family.Binary, (h, n) => StartsWith(h, n, Zip)),
        [".msg"] = new("application/vnd.ms-outlook", Family.Binary, (h, n) => StartsWith(h, n, Ole)),
        [".eml"] = new("message/rfc822", Family.Text, (_, _) => true),
        [".txt"] = new("text/plain", Family.Text, (_, _) => true),
        [".log"] = new("text/plain", Family.Text, (_, _) => true),
        [".csv"] = new("text/csv", Family.Text, (_, _) => true),
        [".json"] = new("application/json", Family.Text, (_, _) => true),
    };

    /// <summary>How many leading bytes the binary checks look at.</summary>
    public const int HeaderLength = 16;

    /// <summary>The extensions accepted, for the upload picker's hint (".pdf,.png,…").</summary>
    public static IReadOnlyCollection<string> Extensions => Allowed.Keys;

    /// <summary>
    /// Checks a file by its name's extension and its bytes. Reads <paramref name="content"/> from its current
    /// position: a few bytes for binary types, all of it for text types.
    /// </summary>
    public static FileCheck Check(string? fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var header = new byte[HeaderLength];
        var read = content.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (read == 0)
        {
            return new FileCheck(FileVerdict.Empty, null);
        }

        var extension = Extension(fileName);
        if (extension is null || !Allowed.TryGetValue(extension, out var rule))
        {
            return new FileCheck(FileVerdict.TypeNotAllowed, null);
        }

        if (IsExecutable(header, read) || !rule.Matches(header, read))
        {
            return new FileCheck(FileVerdict.Disguised, null);
        }

        if (rule.Family == Family.Text && !IsPlainText(header, read, content))
        {
            return new FileCheck(FileVerdict.Disguised, null);
        }

        return new FileCheck(FileVerdict.Accepted, rule.ContentType);
    }

    /// <summary>The lower-case extension of a display name (".pdf"), or null; the name is never used as a path.</summary>
    private static string? Extension(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var name = fileName.Trim().TrimEnd('.', ' ');
        var dot = name.LastIndexOf('.');
        return dot < 0 || dot == name.Length - 1 ? null : name[dot..].ToLowerInvariant();
    }

    private static bool IsExecutable(byte[] header, int read) =>
        StartsWith(header, read, WindowsExecutable) || StartsWith(header, read, Elf);

    /// <summary>Valid UTF-8, no NUL byte anywhere, and not markup a browser would render.</summary>
    private static bool IsPlainText(byte[] header, int read, Stream rest)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(4096)];
        var buffer = new byte[4096];
        var start = new StringBuilder();
        try
        {
            var chunk = header.AsSpan(0, read);
            while (true)
            {
                if (chunk.Contains((byte)0))
                {
                    return false;
                }

                var count = decoder.GetChars(chunk, chars, flush: chunk.Length == 0);
                if (start.Length < 256)
                {
                    start.Append(chars, 0, Math.Min(count, 256 - start.Length));
                }

                if (chunk.Length == 0)
                {
                    break;
                }

                var n = rest.Read(buffer, 0, buffer.Length);
                chunk = buffer.AsSpan(0, n);
            }
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var opening = start.ToString().TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return !MarkupStarts.Any(m => opening.StartsWith(m, StringComparison.OrdinalIgnoreCase));
    }

    private static bool StartsWith(byte[] header, int read, byte[] magic) =>
        read >= magic.Length && header.AsSpan(0, magic.Length).SequenceEqual(magic);
}
