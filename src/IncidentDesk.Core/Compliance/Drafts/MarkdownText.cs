using System.Text;

namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>A small Markdown writer: headings, paragraphs, fields and bullets, with blank lines where Markdown needs them.</summary>
public sealed class MarkdownText
{
    private readonly StringBuilder _text = new();

    /// <summary>A heading; someone's text in <paramref name="title"/> comes already escaped (<see cref="DraftFormat.Inline"/>).</summary>
    public MarkdownText Heading(int level, string title)
    {
        _text.Append('#', level).Append(' ').Append(DraftFormat.OneLine(title)).Append("\n\n");
        return this;
    }

    public MarkdownText Paragraph(string text)
    {
        _text.Append(text.Trim()).Append("\n\n");
        return this;
    }

    /// <summary>A labelled value ending in a hard line break, so consecutive fields stay on their own lines.</summary>
    public MarkdownText Field(string label, string value)
    {
        _text.Append("**").Append(label).Append(":** ").Append(value).Append("  \n");
        return this;
    }

    public MarkdownText EndFields()
    {
        _text.Append('\n');
        return this;
    }

    public MarkdownText Bullets(IEnumerable<string> items, string? whenEmpty = null)
    {
        var any = false;
        foreach (var item in items)
        {
            _text.Append("- ").Append(item).Append('\n');
            any = true;
        }

        if (!any && whenEmpty is not null)
        {
            _text.Append(whenEmpty).Append('\n');
        }

        _text.Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString().TrimEnd() + "\n";
}
