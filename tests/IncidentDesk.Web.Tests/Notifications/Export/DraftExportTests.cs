using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Tests.Compliance.Drafts;
using IncidentDesk.Web.Features.Notifications.Export;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace IncidentDesk.Web.Tests.Notifications.Export;

/// <summary>
/// The DOCX and PDF a controller co-op downloads must carry the ANPD form's sections as real headings and the
/// Portuguese text intact (a "Comunicação" that comes out as "Comunica??o" is not something to file).
/// </summary>
public sealed class DraftExportTests
{
    private static readonly string[] AnpdSections =
    [
        DraftTexts.SectionIdentification, DraftTexts.SectionSmallAgent, DraftTexts.SectionKind, DraftTexts.SectionRisk,
        DraftTexts.SectionKnowledge, DraftTexts.SectionTimeliness, DraftTexts.SectionIncidentType, DraftTexts.SectionImpact,
        DraftTexts.SectionData, DraftTexts.SectionSubjectNotice, DraftTexts.SectionMeasures,
    ];

    private static DraftFileInfo Info(DraftKind kind) =>
        new("INC-2026-0001", "SP-004", "Cooperativa Médica de Campinas", kind, 2, "Comunicação de incidente de segurança à ANPD");

    private static string Markdown(DraftKind kind) => DraftGenerator.Generate(DraftSamples.Complete(late: true), kind).Markdown;

    [Theory]
    [InlineData(DraftFileFormat.Docx, "INC-2026-0001_SP-004_AnpdComplete_v2.docx")]
    [InlineData(DraftFileFormat.Pdf, "INC-2026-0001_SP-004_AnpdComplete_v2.pdf")]
    public void File_name_is_reference_coop_kind_and_version(DraftFileFormat format, string expected)
    {
        var file = DraftExport.Render(Info(DraftKind.AnpdComplete), Markdown(DraftKind.AnpdComplete), format);

        Assert.Equal(expected, file.FileName);
        Assert.NotEmpty(file.Content);
    }

    [Fact]
    public void Docx_has_the_anpd_sections_as_word_headings_and_the_accents_intact()
    {
        var file = DraftExport.Render(Info(DraftKind.AnpdComplete), Markdown(DraftKind.AnpdComplete), DraftFileFormat.Docx);

        using var document = WordprocessingDocument.Open(new MemoryStream(file.Content), isEditable: false);
        var main = document.MainDocumentPart!;
        var headings = main.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => p.InnerText)
            .ToList();
        Assert.All(AnpdSections, section => Assert.Contains(section, headings));
        Assert.Contains(DraftTexts.SectionDelay, headings);
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ToList();
        Assert.Contains("Heading1", styles);
        Assert.Contains("Heading2", styles);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.ContentType);
        Assert.Equal("Comunicação de incidente de segurança à ANPD", document.PackageProperties.Title);
        Assert.Equal("IncidentDesk", document.PackageProperties.Creator);
        Assert.Equal("pt-BR", document.PackageProperties.Language);

        var text = main.Document.Body.InnerText;
        Assert.Contains("Cooperativa Médica de Campinas", text);
        Assert.Contains("ciência", text);
        Assert.Contains("titulares", text);
        Assert.Contains("“Sara”", text);
        // Field labels stay bold, as in the preview.
        Assert.Contains(main.Document.Body.Descendants<Run>(), r => r.RunProperties?.Bold is not null && r.InnerText.EndsWith(':'));
        // Nothing that runs or updates itself when opened.
        Assert.Empty(main.Document.Body.Descendants<FieldCode>());
        Assert.Empty(main.Document.Body.Descendants<SimpleField>());
    }

    [Fact]
    public void Subject_notice_docx_has_bullets_on_the_numbering_part()
    {
        var markdown = Markdown(DraftKind.SubjectNotice);
        var file = DraftExport.Render(Info(DraftKind.SubjectNotice), markdown, DraftFileFormat.Docx);

        using var document = WordprocessingDocument.Open(new MemoryStream(file.Content), isEditable: false);
        var main = document.MainDocumentPart!;
        Assert.NotNull(main.NumberingDefinitionsPart?.Numbering);
        Assert.Contains(main.Document!.Body!.Descendants<NumberingProperties>(), n => n.NumberingId?.Val?.Value == 1);
        Assert.Contains("Aviso sobre um incidente de segurança", main.Document.Body.InnerText);
    }

    [Theory]
    [InlineData(DraftKind.AnpdComplete)]
    [InlineData(DraftKind.SubjectNotice)]
    public void Pdf_text_is_selectable_with_headings_and_accents_in_the_embedded_font(DraftKind kind)
    {
        var markdown = Markdown(kind);
        var file = DraftExport.Render(Info(kind), markdown, DraftFileFormat.Pdf);

        Assert.Equal("application/pdf", file.ContentType);
        using var pdf = PdfPigDocument.Open(file.Content);
        Assert.True(pdf.NumberOfPages >= 1);
        var pages = pdf.GetPages().ToList();
        var text = Squeeze(string.Concat(pages.Select(p => p.Text)));
        var headings = markdown.Split('\n').Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()).ToList();
        Assert.NotEmpty(headings);
        Assert.All(headings, heading => Assert.Contains(Squeeze(heading), text));
        Assert.Contains("CooperativaMédicadeCampinas", text);
        Assert.Contains(Squeeze("página 1 de " + pdf.NumberOfPages), text);
        if (kind == DraftKind.AnpdComplete)
        {
            Assert.All(AnpdSections, section => Assert.Contains(Squeeze(section), text));
            Assert.Contains("ciência", text);
            Assert.Contains("“Sara”", text);
        }

        // Every letter is drawn in the shipped DejaVu face and the font program is inside the file.
        Assert.All(pages.SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)),
            letter => Assert.Matches("^[A-Z]{6}[+]DejaVu Sans", letter.FontName ?? ""));
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(file.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_pdf_breaks_pages_and_numbers_each_one()
    {
        var markdown = string.Concat(Enumerable.Range(1, 60).Select(i => $"## Seção {i}\n\nParágrafo com ação, ciência e § {i}º — texto.\n\n- item\n\n"));

        var file = DraftExport.Render(Info(DraftKind.IncidentRecord), markdown, DraftFileFormat.Pdf);

        using var pdf = PdfPigDocument.Open(file.Content);
        Assert.True(pdf.NumberOfPages > 1);
        var last = Squeeze(pdf.GetPage(pdf.NumberOfPages).Text);
        Assert.Contains(Squeeze($"página {pdf.NumberOfPages} de {pdf.NumberOfPages}"), last);
        Assert.Contains("Seção60", last);
    }

    [Fact]
    public void Raw_html_and_tables_come_out_as_text()
    {
        const string markdown = "# Título\n\n<script>alert(1)</script>\n\n| Campo | Valor |\n|---|---|\n| Ação | **Contenção** |\n";

        var docx = DraftExport.Render(Info(DraftKind.IncidentRecord), markdown, DraftFileFormat.Docx);
        var pdf = DraftExport.Render(Info(DraftKind.IncidentRecord), markdown, DraftFileFormat.Pdf);

        using var document = WordprocessingDocument.Open(new MemoryStream(docx.Content), isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains("<script>alert(1)</script>", body.InnerText);
        var table = Assert.Single(body.Elements<Table>());
        Assert.Equal(2, table.Elements<TableRow>().Count());
        using var read = PdfPigDocument.Open(pdf.Content);
        var text = Squeeze(read.GetPage(1).Text);
        Assert.Contains("<script>alert(1)</script>", text);
        Assert.Contains("AçãoContenção", text);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
