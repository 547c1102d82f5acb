using System.Globalization;

namespace IncidentDesk.Core.Reports;

/// <summary>Where an outside report stands, as its reporter reads it on the status page.</summary>
public enum SecurityReportStatus
{
    Received = 0,
    Acknowledged = 1,
    UnderInvestigation = 2,
    Resolved = 3,
    NotAccepted = 4,
}

/// <summary>Whether the reporter says personal data was accessed while finding the problem.</summary>
public enum DataAccessAnswer
{
    NotSure = 0,
    No = 1,
    Yes = 2,
}

/// <summary>What the reporter lets the federation pass on to the affected co-op or its vendor.</summary>
public enum SharingPreference
{
    /// <summary>The report and the reporter's identity.</summary>
    ReportAndIdentity = 0,

    /// <summary>The report, without who sent it.</summary>
    ReportOnly = 1,

    /// <summary>Nothing: the federation keeps it to itself.</summary>
    FederationOnly = 2,
}

/// <summary>
/// A vulnerability or exposure reported from outside through the public form (ISO/IEC 29147: received, acknowledged,
/// tracked by a reference, the reporter kept informed). Everything the reporter typed is kept as plain text and shown
/// only as text. The follow-up code is never stored: only its SHA-256.
/// </summary>
public sealed class SecurityReport
{
    public const string Prefix = "RPT-";
    public const int FindingMax = 8000;
    public const int TargetMax = 500;
    public const int HowFoundMax = 4000;
    public const int ProofMax = 8000;
    public const int OthersInformedMax = 1000;
    public const int NameMax = 200;
    public const int EmailMax = 254;

    public int Id { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }

    /// <summary><c>RPT-2026-0001</c>: what the reporter quotes and officers search for.</summary>
    public required string Reference { get; set; }

    public DateTime ReceivedAtUtc { get; set; }
    public SecurityReportStatus Status { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }

    public required string Finding { get; set; }
    public required string Target { get; set; }

    /// <summary>The co-op the reporter picked from the public names, when they did.</summary>
    public int? CoopId { get; set; }

    public string? HowFound { get; set; }
    public DateOnly? FoundOn { get; set; }
    public string? ProofOfConcept { get; set; }
    public DataAccessAnswer DataAccessed { get; set; }
    public string? OthersInformed { get; set; }
    public DateOnly? PlannedDisclosureOn { get; set; }
    public SharingPreference Sharing { get; set; }

    public string? ReporterName { get; set; }
    public string? ReporterOrganisation { get; set; }
    public string? ReporterEmail { get; set; }
    public bool ConsentToContact { get; set; }
    public bool WantsCredit { get; set; }

    /// <summary>Lower-case hex SHA-256 of the follow-up code handed to the reporter once.</summary>
    public required string FollowUpCodeHash { get; set; }

    /// <summary>The incident the report became or was attached to; null while it waits in the inbox.</summary>
    public int? IncidentId { get; set; }

    public List<SecurityReportMessage> Messages { get; } = [];

    public static string FormatReference(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year:D4}-{sequence:D4}");

    /// <summary>Still waiting for an officer's first answer (the acknowledgement clock runs).</summary>
    public bool AwaitsAcknowledgement => AcknowledgedAtUtc is null && Status == SecurityReportStatus.Received;
}

/// <summary>One message on a report's thread: an officer's update the reporter reads, or the reporter's reply.</summary>
public sealed class SecurityReportMessage
{
    public const int BodyMax = 4000;

    public int Id { get; set; }
    public int SecurityReportId { get; set; }
    public bool FromReporter { get; set; }
    public required string Body { get; set; }
    public DateTime SentAtUtc { get; set; }

    /// <summary>The officer's display name (shown to officers only; the reporter reads "the federation").</summary>
    public string? AuthorName { get; set; }
}
