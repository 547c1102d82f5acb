using IncidentDesk.Core.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace IncidentDesk.Web.Features.Notifications.Export;

/// <summary>
/// A draft as a Word document the co-op can edit before filing. Every piece of text is a plain run: no fields,
/// formulas, macros or hyperlinks, so nothing typed into an incident can act when the file is opened.
/// </summary>
internal static class DraftDocx
{
    public static byte[] Write(DraftFileInfo info, IReadOnlyList<DraftBlock> blocks)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = XmlText.Clean(info.Title);
            document.PackageProperties.Subject = XmlText.Clean($"{info.Reference} — {info.CoopCode} {info.CoopName}");
            document.PackageProperties.Creator = "IncidentDesk";
            document.PackageProperties.Language = DraftDocxStyles.Language;

            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DraftDocxStyles.Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = DraftDocxStyles.Numbering();
            var body = new Body();
            foreach (var block in blocks)
            {
                body.Append(Element(block));
            }

            // A4 with 2.5 cm margins, as Brazilian official correspondence is usually laid out.
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Bottom = 1418, Left = 1418U, Right = 1418U, Header = 709U, Footer = 709U }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static OpenXmlElement Element(DraftBlock block) => block switch
    {
        DraftHeading heading => Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{Math.Clamp(heading.Level, 1, 3)}" }), heading.Runs),
        DraftBullet bullet when bullet.Marker.Length == 0 => Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" }), bullet.Runs),
        DraftBullet bullet => Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(
                    new NumberingLevelReference { Val = Math.Min(bullet.Depth, 2) },
                    new NumberingId { Val = bullet.Marker == "•" ? DraftDocxStyles.BulletNumberingId : DraftDocxStyles.OrderedNumberingId })),
            bullet.Runs),
        DraftTable table => Table(table),
        DraftParagraph paragraph => Paragraph(null, paragraph.Runs),
        _ => new Paragraph(),
    };

    private static Paragraph Paragraph(ParagraphProperties? properties, IReadOnlyList<DraftRun> runs)
    {
        var paragraph = new Paragraph();
        if (properties is not null)
        {
            paragraph.Append(properties);
        }

        foreach (var run in runs)
        {
            paragraph.Append(Run(run));
        }

        return paragraph;
    }

    private static Run Run(DraftRun run)
    {
        if (run.Break)
        {
            return new Run(new Break());
        }

        var element = new Run();
        if (run.Bold || run.Italic)
        {
            var properties = new RunProperties();
            if (run.Bold)
            {
                properties.Append(new Bold());
            }

            if (run.Italic)
            {
                properties.Append(new Italic());
            }

            element.Append(properties);
        }

        element.Append(new Text(XmlText.Clean(run.Text)) { Space = SpaceProcessingModeValues.Preserve });
        return element;
    }

    private static Table Table(DraftTable table)
    {
        var element = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        for (var index = 0; index < table.Rows.Count; index++)
        {
            var header = table.HasHeader && index == 0;
            var row = new TableRow();
            if (header)
            {
                row.Append(new TableRowProperties(new TableHeader()));
            }

            foreach (var cell in table.Rows[index])
            {
                var runs = header ? cell.Select(r => r with { Bold = true }).ToList() : cell;
                row.Append(new TableCell(Paragraph(null, runs)));
            }

            element.Append(row);
        }

        return element;
    }
}
