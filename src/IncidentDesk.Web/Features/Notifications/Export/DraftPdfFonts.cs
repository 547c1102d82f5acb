using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace IncidentDesk.Web.Features.Notifications.Export;

/// <summary>
/// Serves DejaVu Sans from the assembly's resources, so PDF export works on a server with no fonts installed and
/// every PDF embeds the same face (which covers ç, ã, §, º, curly quotes and dashes). PDFsharp's resolver is global
/// and may be set only once, before the first font is used: <see cref="EnsureRegistered"/> does that under a lock.
/// </summary>
internal sealed class DraftPdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private const string Oblique = "DejaVuSans-Oblique";

    private static readonly Lock Gate = new();
    private static bool _registered;
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is not DraftPdfFonts)
            {
                GlobalFontSettings.FontResolver = new DraftPdfFonts();
            }

            _registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => (isBold, isItalic) switch
    {
        // No bold-oblique face is shipped: PDFsharp slants the bold face instead.
        (true, true) => new FontResolverInfo(Bold, mustSimulateBold: false, mustSimulateItalic: true),
        (true, false) => new FontResolverInfo(Bold),
        (false, true) => new FontResolverInfo(Oblique),
        _ => new FontResolverInfo(Regular),
    };

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        using var stream = typeof(DraftPdfFonts).Assembly.GetManifestResourceStream($"IncidentDesk.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded in the application.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
