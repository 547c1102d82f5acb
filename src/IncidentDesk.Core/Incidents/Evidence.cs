namespace IncidentDesk.Core.Incidents;

public enum EvidenceKind
{
    File = 0,
    Link = 1,
}

/// <summary>
/// A file or a link kept as evidence of an incident. Files live outside the web root under a generated name;
/// <see cref="Sha256"/> proves later that the bytes handed to the ANPD are the bytes that were received.
/// </summary>
public sealed class Evidence
{
    public int Id { get; set; }
    public int IncidentId { get; set; }
    public EvidenceKind Kind { get; set; }

    /// <summary>What it is, in the officer's words (e.g. "Researchers' e-mail of 6 April").</summary>
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>The uploaded file's name as the user's machine called it (display only, never a path).</summary>
    public string? FileName { get; set; }

    /// <summary>Generated name in the evidence store; null for links.</summary>
    public string? StoredName { get; set; }

    /// <summary>The type established from the file's signature, not from what the browser claimed.</summary>
    public string? ContentType { get; set; }
    public long? SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public string? Sha256 { get; set; }

    /// <summary>The address of a link (http or https only).</summary>
    public string? Url { get; set; }

    /// <summary>Set when a co-op handed it in as the answer to one of its tasks (then it is that co-op's).</summary>
    public int? CoopTaskId { get; set; }
    public int? CoopId { get; set; }

    /// <summary>Whether liaisons of involved co-ops may see and download it.</summary>
    public bool SharedWithCoops { get; set; }

    public string? AddedById { get; set; }
    public required string AddedBy { get; set; }
    public DateTime AddedAtUtc { get; set; }
}
