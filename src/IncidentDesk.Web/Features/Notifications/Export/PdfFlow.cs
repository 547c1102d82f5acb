using IncidentDesk.Core.Common;
using System.Text.RegularExpressions;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IncidentDesk.Web.Features.Notifications.Export;

/// <summary>
/// Flows runs of text down A4 pages: word wrapping with measured widths, a new page when the next line does not fit.
/// Text is drawn as real (selectable, searchable) text in the embedded font.
/// </summary>
internal sealed partial class PdfFlow : IDisposable
{
    public const double Margin = 56.7; // 2 cm
    public const double FooterSpace = 28;

    private readonly PdfDocument _document;
    private readonly Dictionary<(double Size, bool Bold, bool Italic), XFont> _fonts = [];
    private XGraphics? _graphics;

    public PdfFlow(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    public double Y { get; private set; }

    public double Width => _graphics!.PageSize.Width - (2 * Margin);

    private double Bottom => _graphics!.PageSize.Height - Margin - FooterSpace;

    public XFont Font(double size, bool bold, bool italic)
    {
        if (!_fonts.TryGetValue((size, bold, italic), out var font))
        {
            var style = (bold, italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(DraftPdfFonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[(size, bold, italic)] = font;
        }

        return font;
    }

    public void Space(double points) => Y = Math.Min(Y + points, Bottom);

    /// <summary>Moves to a new page unless <paramref name="height"/> still fits (keeps a heading with its first line).</summary>
    public void Need(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage();
        }
    }

    /// <summary>Writes wrapped runs between <paramref name="left"/> and <paramref name="left"/> + <paramref name="width"/>.</summary>
    public void Write(IReadOnlyList<DraftRun> runs, double size, double left, double width, bool forceBold = false)
    {
        foreach (var line in Lines(runs, size, width, forceBold))
        {
            var height = size * 1.35;
            Need(height);
            foreach (var (text, font, x) in line)
            {
                _graphics!.DrawString(text, font, XBrushes.Black, Margin + left + x, Y, XStringFormats.TopLeft);
            }

            Y += height;
        }
    }

    /// <summary>Breaks runs into lines of (text, font, x) pieces; a word longer than the line is cut by characters.</summary>
    public List<List<(string Text, XFont Font, double X)>> Lines(IReadOnlyList<DraftRun> runs, double size, double width, bool forceBold = false)
    {
        var lines = new List<List<(string, XFont, double)>> { new() };
        var x = 0d;
        foreach (var run in runs)
        {
            if (run.Break)
            {
                lines.Add([]);
                x = 0;
                continue;
            }

            var font = Font(size, run.Bold || forceBold, run.Italic);
            foreach (Match match in Words().Matches(XmlText.Clean(run.Text)))
            {
                var word = match.Value;
                if (x == 0 && string.IsNullOrWhiteSpace(word))
                {
                    continue;
                }

                var wordWidth = Measure(word.TrimEnd(), font);
                if (x > 0 && x + wordWidth > width)
                {
                    lines.Add([]);
                    x = 0;
                    word = word.TrimStart();
                }

                while (Measure(word.TrimEnd(), font) > width && word.Length > 1)
                {
                    var cut = Fit(word, font, width);
                    lines[^1].Add((word[..cut], font, x));
                    lines.Add([]);
                    x = 0;
                    word = word[cut..];
                }

                lines[^1].Add((word, font, x));
                x += Measure(word, font);
            }
        }

        return lines;
    }

    public void DrawRectangle(double left, double top, double width, double height) =>
        _graphics!.DrawRectangle(XPens.Gray, Margin + left, top, width, height);

    public void MoveTo(double y) => Y = y;

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
    }

    public void Dispose() => _graphics?.Dispose();

    private double Measure(string text, XFont font) => text.Length == 0 ? 0 : _graphics!.MeasureString(text, font).Width;

    /// <summary>
    /// The longest prefix (at least one character) that fits the width. A binary search: a pasted token or URL thousands of
    /// characters long would otherwise cost a measurement per character per line.
    /// </summary>
    private int Fit(string word, XFont font, double width)
    {
        int fits = 1, tooLong = word.Length;
        while (tooLong - fits > 1)
        {
            var middle = fits + ((tooLong - fits) / 2);
            if (Measure(word[..middle], font) > width)
            {
                tooLong = middle;
            }
            else
            {
                fits = middle;
            }
        }

        return fits;
    }

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex Words();
}
