using IncidentDesk.Core.Coops;

namespace IncidentDesk.Web.Features.Coops;

/// <summary>
/// What an import would do or did: every refused line, else how many co-ops are new, updated and unchanged.
/// <see cref="Applied"/> is true only when the file was written (all of it).
/// </summary>
public sealed record CoopImportReport(IReadOnlyList<CoopCsvError> Errors, int New, int Updated, int Unchanged, bool Applied)
{
    public bool IsValid => Errors.Count == 0;

    public static CoopImportReport TooLarge { get; } = new([new CoopCsvError(0, null, CoopCsvReason.TooLarge)], 0, 0, 0, false);
}
