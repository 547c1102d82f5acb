using IncidentDesk.Core.Compliance.Drafts;

namespace IncidentDesk.Web.Features.Notifications.Versions;

/// <summary>One saved version of a draft as the version list shows it.</summary>
public sealed record DraftVersionRow(
    int Id, int IncidentId, int CoopId, string CoopCode, DraftKind Kind, int Version, string CreatedBy, DateTime CreatedAtUtc,
    IReadOnlyList<string> MissingCodes, DateTime? ApprovedAtUtc, string? ApprovedBy, bool ApprovedAsPreliminary)
{
    public bool IsApproved => ApprovedAtUtc is not null;
}

/// <summary>A version with its text (preview, editor, diff).</summary>
public sealed record DraftVersionDetail(DraftVersionRow Row, string Markdown);

/// <summary>Field error codes of the version, approval, filing and delay-reason writes (worded by DraftResource "Error.*").</summary>
public static class DraftErrors
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string Approved = "Approved";
    public const string MissingItems = "MissingItems";
    public const string NotApproved = "NotApproved";
    public const string NotFilable = "NotFilable";
    public const string InFuture = "InFuture";
    public const string NotLate = "NotLate";
}

public static class DraftFields
{
    public const string Markdown = nameof(DraftVersionDetail.Markdown);
    public const string Version = "Version";
    public const string Protocol = "Protocol";
    public const string FiledAt = "FiledAt";
    public const string DelayReasons = "DelayReasons";
}

/// <summary>A recorded filing as the Notifications tab lists it.</summary>
public sealed record FilingRow(
    int Id, int CoopId, FilingKind Kind, int? DraftVersionId, int? Version, string Protocol, DateTime FiledAtUtc, string RecordedBy);

/// <summary>A co-op's reasons for a late communication and whether they are due (R15 art. 6 §2 V, art. 9 IV).</summary>
public sealed record DelayReasonsView(int CoopId, string? Reasons, bool Late, DateTime? AnpdDeadlineEndsAtUtc);

/// <summary>Which filing a draft kind records once approved and sent; null for kinds nobody files (record, report).</summary>
public static class FilingKinds
{
    public static FilingKind? For(DraftKind kind) => kind switch
    {
        DraftKind.AnpdComplete or DraftKind.AnpdPreliminary => FilingKind.AnpdCommunication,
        DraftKind.AnpdComplementary => FilingKind.AnpdComplementary,
        DraftKind.SubjectNotice or DraftKind.PublicNotice => FilingKind.SubjectNotice,
        _ => null,
    };
}
