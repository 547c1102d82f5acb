using IncidentDesk.Core.Common;
using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IncidentDesk.Web.Features.Notifications.Export;

/// <summary>
/// A draft as a PDF to keep with the incident record or attach to a filing: A4, headings larger and bold, bullets,
/// simple tables, and a footer with the file name and "página N de M" on every page.
/// </summary>
internal static class DraftPdf
{
    private const double BodySize = 10;
    private const double BulletIndent = 16;

    public static byte[] Write(DraftFileInfo info, IReadOnlyList<DraftBlock> blocks, string fileName)
    {
        DraftPdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = XmlText.Clean(info.Title);
        document.Info.Subject = XmlText.Clean($"{info.Reference} — {info.CoopCode} {info.CoopName}");
        document.Info.Author = "IncidentDesk";
        document.Info.Creator = "IncidentDesk";
        using (var flow = new PdfFlow(document))
        {
            foreach (var block in blocks)
            {
                Write(flow, block);
            }
        }

        Footers(document, fileName);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Write(PdfFlow flow, DraftBlock block)
    {
        switch (block)
        {
            case DraftHeading heading:
                var size = heading.Level switch { 1 => 16d, 2 => 13d, _ => 11.5d };
                flow.Space(size * 0.6);
                // Keep the heading with at least two lines of what follows.
                flow.Need((size * 1.35) + (BodySize * 2.7));
                flow.Write(heading.Runs, size, 0, flow.Width, forceBold: true);
                flow.Space(2);
                break;
            case DraftBullet bullet:
                var indent = BulletIndent * (bullet.Depth + 1);
                flow.Need(BodySize * 1.35);
                if (bullet.Marker.Length > 0)
                {
                    flow.Write([new DraftRun(bullet.Marker, false, false)], BodySize, indent - 11, 11);
                    flow.MoveTo(flow.Y - (BodySize * 1.35));
                }

                flow.Write(bullet.Runs, BodySize, indent, flow.Width - indent);
                flow.Space(1.5);
                break;
            case DraftTable table:
                Table(flow, table);
                flow.Space(BodySize * 0.6);
                break;
            case DraftParagraph paragraph:
                flow.Write(paragraph.Runs, BodySize, 0, flow.Width);
                flow.Space(BodySize * 0.6);
                break;
        }
    }

    private static void Table(PdfFlow flow, DraftTable table)
    {
        var columns = Math.Max(1, table.Rows.Max(r => r.Count));
        var cellWidth = flow.Width / columns;
        const double Padding = 3;
        for (var index = 0; index < table.Rows.Count; index++)
        {
            var header = table.HasHeader && index == 0;
            var row = table.Rows[index];
            var lines = row.Max(cell => flow.Lines(cell, BodySize, cellWidth - (2 * Padding), header).Count);
            var height = (lines * BodySize * 1.35) + (2 * Padding);
            flow.Need(height);
            var top = flow.Y;
            for (var column = 0; column < columns; column++)
            {
                flow.DrawRectangle(column * cellWidth, top, cellWidth, height);
                if (column < row.Count)
                {
                    flow.MoveTo(top + Padding);
                    flow.Write(row[column], BodySize, (column * cellWidth) + Padding, cellWidth - (2 * Padding), header);
                }
            }

            flow.MoveTo(top + height);
        }
    }

    /// <summary>Drawn once every page exists, because "de M" needs the page count.</summary>
    private static void Footers(PdfDocument document, string fileName)
    {
        var font = new XFont(DraftPdfFonts.Family, 8, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var total = document.PageCount;
        for (var index = 0; index < total; index++)
        {
            using var graphics = XGraphics.FromPdfPage(document.Pages[index], XGraphicsPdfPageOptions.Append);
            var y = graphics.PageSize.Height - PdfFlow.Margin;
            var width = graphics.PageSize.Width - (2 * PdfFlow.Margin);
            graphics.DrawLine(XPens.LightGray, PdfFlow.Margin, y - 4, PdfFlow.Margin + width, y - 4);
            graphics.DrawString(fileName, font, XBrushes.DimGray, PdfFlow.Margin, y, XStringFormats.TopLeft);
            var page = string.Create(CultureInfo.InvariantCulture, $"página {index + 1} de {total}");
            graphics.DrawString(page, font, XBrushes.DimGray, PdfFlow.Margin + width, y, XStringFormats.TopRight);
        }
    }
}
