using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Reports;

namespace IncidentDesk.Web.Features.Reports.Inbox;

/// <summary>One row of the intake inbox: the report, its age and its acknowledgement clock.</summary>
public sealed record InboxRow(
    int Id, string Reference, DateTime ReceivedAtUtc, SecurityReportStatus Status, string Target, string? CoopName,
    ClockState Clock, DateTime AcknowledgeByUtc, string? IncidentReference, int? IncidentId);

/// <summary>A report as an officer reads it before triage, with its thread.</summary>
public sealed record InboxReport(
    InboxRow Row, string Finding, string? HowFound, DateOnly? FoundOn, string? ProofOfConcept, DataAccessAnswer DataAccessed,
    string? OthersInformed, DateOnly? PlannedDisclosureOn, SharingPreference Sharing, string? ReporterName, string? ReporterOrganisation,
    string? ReporterEmail, bool ConsentToContact, bool WantsCredit, IReadOnlyList<InboxMessage> Messages);

public sealed record InboxMessage(bool FromReporter, string Body, DateTime SentAtUtc, string? AuthorName);

/// <summary>The inbox's headline for the dashboard: how many wait for an acknowledgement, and the worst clock among them.</summary>
public sealed record InboxSummary(int Waiting, int Overdue, int DueSoon);

/// <summary>What an officer chooses when a report becomes an incident.</summary>
public sealed record PromoteChoice(string Title, IncidentSeverity Severity);

public static class InboxField
{
    public const string Message = "Message";
    public const string Reason = "Reason";
    public const string Title = "Title";
    public const string Incident = "Incident";
    public const string Status = "Status";
}

/// <summary>The state a triage step ran into ("Conflict.{code}" in ReportResource).</summary>
public static class InboxConflict
{
    public const string AlreadyLinked = "AlreadyLinked";
    public const string Closed = "Closed";
}
