using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IncidentDesk.Web.Features.Notifications;

/// <summary>
/// Renders a draft's Markdown for the preview. Raw HTML is disabled, so user text such as <c>&lt;script&gt;</c> is
/// encoded and shows literally; links may only go to http(s) or mailto and images are never fetched, so a summary
/// written as <c>[x](javascript:…)</c> cannot run script either. This output is the only MarkupString the feature uses.
/// </summary>
public static class DraftHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage || !IsSafe(link.Url))
            {
                link.IsImage = false;
                link.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);
}
