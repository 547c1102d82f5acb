using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IncidentDesk.Web.Features.Notifications.Export;

/// <summary>A piece of text with its emphasis; <see cref="Break"/> marks a hard line break ("  \n" after a field).</summary>
internal sealed record DraftRun(string Text, bool Bold, bool Italic, bool Break = false);

internal abstract record DraftBlock;

internal sealed record DraftHeading(int Level, IReadOnlyList<DraftRun> Runs) : DraftBlock;

internal sealed record DraftParagraph(IReadOnlyList<DraftRun> Runs) : DraftBlock;

/// <summary>A list item; <see cref="Marker"/> is "•" or "1." so both renderers number lists the same way.</summary>
internal sealed record DraftBullet(IReadOnlyList<DraftRun> Runs, int Depth, string Marker) : DraftBlock;

internal sealed record DraftTable(IReadOnlyList<IReadOnlyList<IReadOnlyList<DraftRun>>> Rows, bool HasHeader) : DraftBlock;

/// <summary>
/// Flattens a draft's Markdown into the few block kinds the generators write (headings, paragraphs with
/// "**Campo:** valor" fields, bullet lists, pipe tables), so the DOCX and PDF renderers share one reading of it.
/// Raw HTML is disabled as in the preview: such text stays literal.
/// </summary>
internal static class DraftBlocks
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

    public static IReadOnlyList<DraftBlock> Parse(string markdown)
    {
        var blocks = new List<DraftBlock>();
        AddBlocks(Markdown.Parse(markdown, Pipeline), blocks, depth: 0);
        return blocks;
    }

    private static void AddBlocks(ContainerBlock container, List<DraftBlock> blocks, int depth)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    blocks.Add(new DraftHeading(heading.Level, Runs(heading.Inline)));
                    break;
                case ParagraphBlock paragraph:
                    blocks.Add(new DraftParagraph(Runs(paragraph.Inline)));
                    break;
                case ListBlock list:
                    AddList(list, blocks, depth);
                    break;
                case Table table:
                    blocks.Add(TableOf(table));
                    break;
                case LeafBlock leaf when leaf.Lines.Count > 0:
                    // Code blocks and anything else with raw lines: keep the text, one run per line.
                    blocks.Add(new DraftParagraph(LinesOf(leaf)));
                    break;
                case ContainerBlock quote:
                    AddBlocks(quote, blocks, depth);
                    break;
            }
        }
    }

    private static void AddList(ListBlock list, List<DraftBlock> blocks, int depth)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}." : "•";
            var first = true;
            foreach (var child in item)
            {
                if (first && child is ParagraphBlock paragraph)
                {
                    blocks.Add(new DraftBullet(Runs(paragraph.Inline), depth, marker));
                }
                else if (child is ListBlock nested)
                {
                    AddList(nested, blocks, depth + 1);
                }
                else if (child is ContainerBlock container)
                {
                    AddBlocks(container, blocks, depth + 1);
                }
                else if (child is ParagraphBlock more)
                {
                    blocks.Add(new DraftBullet(Runs(more.Inline), depth, ""));
                }

                first = false;
            }
        }
    }

    private static DraftTable TableOf(Table table)
    {
        var rows = new List<IReadOnlyList<IReadOnlyList<DraftRun>>>();
        var hasHeader = false;
        foreach (var row in table.OfType<TableRow>())
        {
            hasHeader |= row.IsHeader && rows.Count == 0;
            rows.Add([.. row.OfType<TableCell>().Select(cell => cell.OfType<ParagraphBlock>().SelectMany(p => Runs(p.Inline)).ToList())]);
        }

        return new DraftTable(rows, hasHeader);
    }

    private static List<DraftRun> LinesOf(LeafBlock leaf)
    {
        var runs = new List<DraftRun>();
        foreach (var line in leaf.Lines.Lines.Take(leaf.Lines.Count))
        {
            if (runs.Count > 0)
            {
                runs.Add(new DraftRun("", false, false, Break: true));
            }

            runs.Add(new DraftRun(line.Slice.ToString(), false, false));
        }

        return runs;
    }

    private static List<DraftRun> Runs(ContainerInline? inline)
    {
        var runs = new List<DraftRun>();
        if (inline is not null)
        {
            AddRuns(inline, runs, bold: false, italic: false);
        }

        return Merge(runs);
    }

    private static void AddRuns(ContainerInline container, List<DraftRun> runs, bool bold, bool italic)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(new DraftRun(literal.Content.ToString(), bold, italic));
                    break;
                case EmphasisInline emphasis:
                    AddRuns(emphasis, runs, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1);
                    break;
                case LineBreakInline lineBreak:
                    runs.Add(lineBreak.IsHard ? new DraftRun("", bold, italic, Break: true) : new DraftRun(" ", bold, italic));
                    break;
                case CodeInline code:
                    runs.Add(new DraftRun(code.Content, bold, italic));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(new DraftRun(entity.Transcoded.ToString(), bold, italic));
                    break;
                case AutolinkInline autolink:
                    runs.Add(new DraftRun(autolink.Url, bold, italic));
                    break;
                case HtmlInline html:
                    runs.Add(new DraftRun(html.Tag, bold, italic));
                    break;
                case ContainerInline nested:
                    // Links keep their visible text only; a document sent to the authority carries no live links.
                    AddRuns(nested, runs, bold, italic);
                    break;
            }
        }
    }

    /// <summary>Joins neighbouring runs with the same emphasis (Markdig splits literals at every special character).</summary>
    private static List<DraftRun> Merge(List<DraftRun> runs)
    {
        var merged = new List<DraftRun>();
        var text = new StringBuilder();
        DraftRun? current = null;
        foreach (var run in runs)
        {
            if (current is not null && !run.Break && !current.Break && run.Bold == current.Bold && run.Italic == current.Italic)
            {
                text.Append(run.Text);
                continue;
            }

            Flush();
            current = run;
            text.Clear().Append(run.Text);
        }

        Flush();
        return merged;

        void Flush()
        {
            if (current is not null)
            {
                merged.Add(current with { Text = text.ToString() });
            }
        }
    }
}
