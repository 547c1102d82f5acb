namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>
/// One saved version of a notification draft for a controller co-op. Every save appends a version; an approved version is
/// immutable (the database refuses to change or delete it), so what was approved is exactly what can be filed.
/// </summary>
public sealed class DraftVersion
{
    public const int MarkdownMax = 200_000;

    public int Id { get; set; }
    public int IncidentId { get; set; }
    public int CoopId { get; set; }
    public DraftKind Kind { get; set; }

    /// <summary>1, 2, 3… per incident, co-op and kind.</summary>
    public int Version { get; set; }
    public required string Markdown { get; set; }

    /// <summary>The completeness codes the draft still lacked when saved, comma-separated (empty when complete).</summary>
    public string MissingCodes { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }

    public DateTime? ApprovedAtUtc { get; set; }
    public string? ApprovedBy { get; set; }

    /// <summary>Approved with items missing, listed "to be complemented" (R15 art. 6 §3).</summary>
    public bool ApprovedAsPreliminary { get; set; }

    public bool IsApproved => ApprovedAtUtc is not null;
}

/// <summary>Which communication a filing records; each has its own deadline (R15 arts. 6 and 9).</summary>
public enum FilingKind
{
    /// <summary>The ANPD communication, complete or preliminary (R15 art. 6).</summary>
    AnpdCommunication = 0,

    /// <summary>Complementary information to a preliminary communication (R15 art. 6 §3).</summary>
    AnpdComplementary = 1,

    /// <summary>The notice to the data subjects (R15 art. 9).</summary>
    SubjectNotice = 2,

    /// <summary>The declaration to the ANPD of the channels used to notify the subjects (R15 art. 9 §2).</summary>
    ChannelsDeclaration = 3,
}

/// <summary>
/// "Recorded as filed": the controller co-op sent a communication, with the protocol the authority gave and the time it was
/// sent. The filing time decides whether the deadline was met or missed.
/// </summary>
public sealed class CommunicationFiling
{
    public const int ProtocolMax = 100;

    public int Id { get; set; }
    public int IncidentId { get; set; }
    public int CoopId { get; set; }
    public FilingKind Kind { get; set; }

    /// <summary>The approved draft version that was sent, when it came from the desk.</summary>
    public int? DraftVersionId { get; set; }
    public required string Protocol { get; set; }
    public DateTime FiledAtUtc { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedBy { get; set; }
}
