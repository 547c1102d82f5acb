using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Features.Campaigns.Tasks;

using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Features.Campaigns.Matrix;

/// <summary>
/// How one matrix cell looks and reads: its status colour (the same as the liaison's badge), a glyph and a spoken
/// status, so colour is never the only cue. Worked out once per status × overdue rather than once per cell: a
/// screenful holds some 650 cells, and they used to be as many components, each looking up its own texts.
/// <see cref="Status"/> is the status's name for <c>data-status</c>, made once rather than boxed and formatted per cell.
/// </summary>
public sealed record MatrixCellLook(string CssClass, string Glyph, string Spoken, string Status)
{
    /// <summary>The looks (every status, overdue or not), indexed by <see cref="Index"/>.</summary>
    internal static MatrixCellLook[] All(IStringLocalizer<CampaignResource> texts)
    {
        var statuses = Enum.GetValues<CoopTaskStatus>();
        var looks = new MatrixCellLook[statuses.Length * 2];
        foreach (var status in statuses)
        {
            foreach (var overdue in (bool[])[false, true])
            {
                var spoken = texts[$"Status.{status}"].Value;
                looks[Index(status, overdue)] = new MatrixCellLook(CssClassOf(status, overdue), GlyphOf(status),
                    overdue ? $"{spoken}, {texts["Matrix.Overdue"]}" : spoken, status.ToString());
            }
        }

        return looks;
    }

    public static int Index(CoopTaskStatus status, bool overdue) => ((int)status * 2) + (overdue ? 1 : 0);

    /// <summary>The colour class comes from <see cref="TaskBadges"/>, so the matrix and the task cards always agree.</summary>
    public static string CssClassOf(CoopTaskStatus status, bool overdue) =>
        $"matrix-cell matrix-cell-{TaskBadges.For(status).ToString().ToLowerInvariant()}{(overdue ? " matrix-cell-overdue" : "")}";

    private static string GlyphOf(CoopTaskStatus status) => status switch
    {
        CoopTaskStatus.Done => "✓",
        CoopTaskStatus.NotApplicable => "–",
        CoopTaskStatus.Blocked => "!",
        CoopTaskStatus.InProgress => "◐",
        CoopTaskStatus.Cancelled => "×",
        _ => "○",
    };
}
