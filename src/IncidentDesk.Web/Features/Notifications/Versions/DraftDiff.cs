using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace IncidentDesk.Web.Features.Notifications.Versions;

/// <summary>How a line changed between two versions.</summary>
public enum DiffLineChange
{
    Unchanged,
    Added,
    Removed,
}

/// <summary>One line of a version diff.</summary>
public sealed record DiffLine(DiffLineChange Change, string Text);

/// <summary>Line diff of two versions' Markdown (DiffPlex): what an officer changed by hand, or what new facts changed.</summary>
public static class DraftDiff
{
    public static IReadOnlyList<DiffLine> Lines(string older, string newer)
    {
        var model = InlineDiffBuilder.Diff(older ?? "", newer ?? "", ignoreWhiteSpace: false, ignoreCase: false, chunker: null);
        return [.. model.Lines.Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Inserted => DiffLineChange.Added,
            ChangeType.Deleted => DiffLineChange.Removed,
            _ => DiffLineChange.Unchanged,
        }, l.Text ?? ""))];
    }
}
