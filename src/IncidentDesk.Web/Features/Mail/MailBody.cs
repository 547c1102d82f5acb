using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>A composed mail: its subject and the same words as plain text and as simple HTML.</summary>
public sealed record MailContent(string Subject, string Text, string Html);

/// <summary>
/// Writes a mail's text and HTML parts side by side from the same calls, so both always say the same thing. The HTML is
/// deliberately plain — one column, system fonts, real headings and tables, inline styles only (mail clients drop style
/// sheets), no images and nothing loaded from elsewhere (so no tracking). Every piece of text is HTML-encoded.
/// </summary>
internal sealed class MailBody
{
    // Accented Portuguese stays readable in the HTML source instead of turning into numeric entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public MailBody Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p style=\"margin:0 0 14px\">").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    public MailBody Heading(string text)
    {
        _text.Append(text).Append('\n').Append(new string('-', Math.Min(text.Length, 60))).Append('\n');
        _html.Append("<h2 style=\"font-size:17px;margin:20px 0 8px\">").Append(Encode(text)).Append("</h2>\n");
        return this;
    }

    /// <summary>A table with a header row (text part: one "• cell — cell" line per row).</summary>
    public MailBody Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        _html.Append("<table role=\"table\" style=\"border-collapse:collapse;width:100%;margin:0 0 16px;font-size:14px\">\n<thead><tr>");
        foreach (var header in headers)
        {
            _html.Append("<th scope=\"col\" style=\"text-align:left;border-bottom:2px solid #c8d1d9;padding:6px 8px\">")
                .Append(Encode(header)).Append("</th>");
        }

        _html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _text.Append("• ").Append(string.Join(" — ", row.Where(c => c.Length > 0))).Append('\n');
            _html.Append("<tr>");
            foreach (var cell in row)
            {
                _html.Append("<td style=\"border-bottom:1px solid #e3e8ec;padding:6px 8px;vertical-align:top\">").Append(Encode(cell)).Append("</td>");
            }

            _html.Append("</tr>\n");
        }

        _html.Append("</tbody></table>\n");
        _text.Append('\n');
        return this;
    }

    /// <summary>The one thing to do: a button-looking link in HTML, the label and the address on their own lines in text.</summary>
    public MailBody Action(string label, string url)
    {
        _text.Append(label).Append(":\n").Append(url).Append("\n\n");
        _html.Append("<p style=\"margin:18px 0\"><a href=\"").Append(Encode(url))
            .Append("\" style=\"display:inline-block;background:#0b5cad;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:4px;font-weight:bold\">")
            .Append(Encode(label)).Append("</a></p>\n<p style=\"margin:0 0 14px;font-size:13px;color:#4a5560;overflow-wrap:anywhere\">")
            .Append(Encode(url)).Append("</p>\n");
        return this;
    }

    /// <summary>Small print under a rule: why this mail came, how to change it, that nobody reads replies.</summary>
    public MailBody Footer(IEnumerable<string> lines)
    {
        _text.Append("--\n");
        _html.Append("<hr style=\"border:none;border-top:1px solid #c8d1d9;margin:24px 0 12px\">\n");
        foreach (var line in lines)
        {
            _text.Append(line).Append('\n');
            _html.Append("<p style=\"margin:0 0 6px;font-size:12px;color:#4a5560;overflow-wrap:anywhere\">").Append(Encode(line)).Append("</p>\n");
        }

        return this;
    }

    public MailContent Build(string subject, string language) => new(subject, _text.ToString().TrimEnd() + "\n",
        $"""
        <!DOCTYPE html>
        <html lang="{Encode(language)}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Encode(subject)}</title></head>
        <body style="margin:0;padding:16px;background:#ffffff;color:#1b2126;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5">
        <div style="max-width:640px;margin:0 auto">
        {_html}</div>
        </body>
        </html>

        """);

    private static string Encode(string value) => Encoder.Encode(value);
}
