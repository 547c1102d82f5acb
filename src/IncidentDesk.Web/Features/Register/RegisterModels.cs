using IncidentDesk.Core.Compliance.Assessment;

namespace IncidentDesk.Web.Features.Register;

/// <summary>Where one controller co-op stands with one communication (ANPD or subject notice).</summary>
public enum FilingState
{
    /// <summary>Not filed and the working deadline has not passed.</summary>
    Pending = 0,

    /// <summary>Not filed and the working deadline has passed: still due, with the reasons for the delay (R15 art. 6 §2 V).</summary>
    Overdue = 1,

    /// <summary>Filed by the end of the working deadline.</summary>
    OnTime = 2,

    /// <summary>Filed after the working deadline.</summary>
    Late = 3,

    /// <summary>The latest assessment concluded "record only" and nothing was filed (R15 art. 10).</summary>
    NotRequired = 4,
}

/// <summary>The register's status filter, one value per line of the law's story.</summary>
public enum RegisterStatus
{
    Pending = 0,
    Filed = 1,
    Late = 2,
    RecordOnly = 3,
}

/// <summary>A communication of one controller co-op: its working deadline, and the earliest filing if any.</summary>
public sealed record RegisterFiling(DateOnly Deadline, FilingState State, DateTime? FiledAtUtc, string? Protocol);

/// <summary>
/// One line of the incident record a controller keeps for five years (R15 art. 10): incident × controller co-op.
/// </summary>
public sealed record RegisterRow(
    int IncidentId, string Reference, string Title,
    int CoopId, string CoopCode, string CoopName, string Uf,
    DateTime KnowledgeAtUtc, RelevanceResult? Assessment, DateTime? AssessedAtUtc,
    RegisterFiling Anpd, RegisterFiling Subjects, int ApprovedDrafts)
{
    /// <summary>The row's place in the status filter: record only, late (filed late or overdue), filed on time, or pending.</summary>
    public RegisterStatus Status => Anpd.State switch
    {
        FilingState.NotRequired => RegisterStatus.RecordOnly,
        FilingState.Late or FilingState.Overdue => RegisterStatus.Late,
        FilingState.OnTime => RegisterStatus.Filed,
        _ => RegisterStatus.Pending,
    };
}

/// <summary>The register's filters, as the URL carries them (<c>?incident=1&amp;coop=camp&amp;uf=SP&amp;status=Late</c>).</summary>
public sealed record RegisterQuery(int? IncidentId = null, string? Coop = null, string? Uf = null, RegisterStatus? Status = null)
{
    public bool Matches(RegisterRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (IncidentId is null || row.IncidentId == IncidentId)
            && (string.IsNullOrWhiteSpace(Coop)
                || row.CoopCode.Contains(Coop.Trim(), StringComparison.OrdinalIgnoreCase)
                || row.CoopName.Contains(Coop.Trim(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(Uf) || string.Equals(row.Uf, Uf.Trim(), StringComparison.OrdinalIgnoreCase))
            && (Status is null || row.Status == Status);
    }
}

/// <summary>An incident the register's incident filter offers.</summary>
public sealed record RegisterIncident(int Id, string Reference, string Title);
