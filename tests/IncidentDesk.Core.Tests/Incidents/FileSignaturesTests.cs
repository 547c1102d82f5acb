using System.Text;
using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Core.Tests.Incidents;

/// <summary>Only files whose bytes agree with their allowed extension may become evidence.</summary>
public sealed class FileSignaturesTests
{
    private static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n");
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];
    private static readonly byte[] ZipBytes = [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0];
    private static readonly byte[] OleBytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    private static readonly byte[] ExeBytes = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    private static FileCheck Check(string name, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return FileSignatures.Check(name, stream);
    }

    private static byte[] Webp() => [.. "RIFF"u8.ToArray(), 0x24, 0, 0, 0, .. "WEBPVP8 "u8.ToArray(), 0, 0, 0, 0];

    public static TheoryData<string, byte[], string> AllowedFiles() => new()
    {
        { "relatorio.pdf", PdfBytes, "application/pdf" },
        { "RELATORIO.PDF", PdfBytes, "application/pdf" },
        { "print.png", PngBytes, "image/png" },
        { "foto.jpg", JpegBytes, "image/jpeg" },
        { "foto.jpeg", JpegBytes, "image/jpeg" },
        { "anim.gif", [.. "GIF89a"u8.ToArray(), 1, 0, 1, 0], "image/gif" },
        { "anim-antigo.gif", [.. "GIF87a"u8.ToArray(), 1, 0, 1, 0], "image/gif" },
        { "imagem.webp", Webp(), "image/webp" },
        { "pacote.zip", ZipBytes, "application/zip" },
        { "oficio.docx", ZipBytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "planilha.xlsx", ZipBytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "slides.pptx", ZipBytes, "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "texto.odt", ZipBytes, "application/vnd.oasis.opendocument.text" },
        { "planilha.ods", ZipBytes, "application/vnd.oasis.opendocument.spreadsheet" },
        { "mensagem.msg", OleBytes, "application/vnd.ms-outlook" },
        { "email.eml", Encoding.UTF8.GetBytes("From: pesquisador@example.org\r\nSubject: Vazamento\r\n\r\nOlá, encontrei…"), "message/rfc822" },
        { "notas.txt", Encoding.UTF8.GetBytes("Ligação às 17h com a cooperativa; confirmação do vazamento."), "text/plain" },
        { "servidor.log", Encoding.UTF8.GetBytes("2026-04-06T17:00:00Z GET /api/beneficiarios 200\n"), "text/plain" },
        { "lista.csv", Encoding.UTF8.GetBytes("cpf;nome\n000;José\n"), "text/csv" },
        { "dados.json", Encoding.UTF8.GetBytes("{\"registros\": 4800}"), "application/json" },
    };

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public void An_allowed_extension_with_matching_bytes_is_accepted_with_the_detected_type(string name, byte[] bytes, string contentType)
    {
        var check = Check(name, bytes);

        Assert.Equal(FileVerdict.Accepted, check.Verdict);
        Assert.Equal(contentType, check.ContentType);
    }

    [Fact]
    public void A_long_utf8_text_is_read_to_the_end_and_accepted()
    {
        var text = string.Concat(Enumerable.Repeat("Beneficiário São José — registro ç ã é\n", 5000));

        Assert.True(Check("grande.txt", Encoding.UTF8.GetBytes(text)).Accepted);
    }

    [Theory]
    [InlineData("relatorio.pdf")]
    [InlineData("foto.jpg")]
    [InlineData("planilha.xlsx")]
    [InlineData("notas.txt")]
    public void An_executable_renamed_to_an_allowed_extension_is_disguised(string name)
    {
        var check = Check(name, ExeBytes);

        Assert.Equal(FileVerdict.Disguised, check.Verdict);
        Assert.Null(check.ContentType);
    }

    [Theory]
    [InlineData("relatorio.pdf", "<html><body><script>alert(1)</script></body></html>")]
    [InlineData("notas.txt", "<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("notas.txt", "\uFEFF  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("foto.png", "%PDF-1.7 not a png")]
    public void Content_that_does_not_match_its_extension_is_disguised(string name, string content)
    {
        Assert.Equal(FileVerdict.Disguised, Check(name, Encoding.UTF8.GetBytes(content)).Verdict);
    }

    [Theory]
    [InlineData("programa.exe")]
    [InlineData("biblioteca.dll")]
    [InlineData("script.js")]
    [InlineData("pagina.html")]
    [InlineData("pagina.htm")]
    [InlineData("desenho.svg")]
    [InlineData("lote.bat")]
    [InlineData("sem-extensao")]
    [InlineData("termina-em-ponto.")]
    [InlineData("relatorio.pdf.exe")]
    [InlineData("")]
    public void Anything_off_the_allowlist_is_refused_whatever_its_bytes(string name)
    {
        var check = Check(name, PdfBytes);

        Assert.Equal(FileVerdict.TypeNotAllowed, check.Verdict);
        Assert.Null(check.ContentType);
    }

    [Fact]
    public void An_svg_with_an_allowed_looking_start_is_still_refused_by_extension()
    {
        Assert.Equal(FileVerdict.TypeNotAllowed, Check("logo.svg", Encoding.UTF8.GetBytes("<svg onload=\"alert(1)\"/>")).Verdict);
    }

    [Theory]
    [InlineData("vazio.pdf")]
    [InlineData("vazio.txt")]
    [InlineData("vazio.exe")]
    public void An_empty_file_is_refused_as_empty(string name)
    {
        Assert.Equal(FileVerdict.Empty, Check(name, []).Verdict);
    }

    [Fact]
    public void A_text_file_with_a_nul_byte_is_disguised_even_far_from_the_start()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 10_000) + "\0" + "resto");

        Assert.Equal(FileVerdict.Disguised, Check("notas.txt", bytes).Verdict);
    }

    [Fact]
    public void A_text_file_that_is_not_valid_utf8_is_disguised()
    {
        byte[] latin1 = [.. "Jos"u8.ToArray(), 0xE9, .. " da Silva"u8.ToArray()];

        Assert.Equal(FileVerdict.Disguised, Check("lista.csv", latin1).Verdict);
    }

    [Fact]
    public void A_png_too_short_for_its_signature_is_disguised()
    {
        Assert.Equal(FileVerdict.Disguised, Check("foto.png", [0x89, 0x50, 0x4E]).Verdict);
    }

    [Fact]
    public void The_allowlist_holds_no_markup_a_browser_would_render()
    {
        Assert.DoesNotContain(FileSignatures.Extensions, e => e is ".html" or ".htm" or ".svg" or ".xhtml" or ".xml");
    }
}
