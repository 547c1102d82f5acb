using IncidentDesk.Core.Reports;

namespace IncidentDesk.Web.Features.Reports.Door;

/// <summary>What the public form posts. Every text is plain text; nothing here is ever rendered as HTML.</summary>
public sealed class ReportInput
{
    public string? Finding { get; set; }
    public string? Target { get; set; }
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

    /// <summary>The honeypot: hidden from people (and from assistive technology); only a form-filling script types here.</summary>
    public string? Website { get; set; }

    /// <summary>When the form was first opened, signed by the server (the minimum fill time is measured from it).</summary>
    public string? Started { get; set; }

    /// <summary>The solved proof-of-work (ALTCHA payload), written by the page's script.</summary>
    public string? Altcha { get; set; }
}

/// <summary>The form's field names, as error keys; <see cref="Verification"/> is the anti-abuse checks as one.</summary>
public static class ReportField
{
    public const string Finding = nameof(ReportInput.Finding);
    public const string Target = nameof(ReportInput.Target);
    public const string CoopId = nameof(ReportInput.CoopId);
    public const string HowFound = nameof(ReportInput.HowFound);
    public const string FoundOn = nameof(ReportInput.FoundOn);
    public const string ProofOfConcept = nameof(ReportInput.ProofOfConcept);
    public const string DataAccessed = nameof(ReportInput.DataAccessed);
    public const string OthersInformed = nameof(ReportInput.OthersInformed);
    public const string PlannedDisclosureOn = nameof(ReportInput.PlannedDisclosureOn);
    public const string Sharing = nameof(ReportInput.Sharing);
    public const string ReporterName = nameof(ReportInput.ReporterName);
    public const string ReporterOrganisation = nameof(ReportInput.ReporterOrganisation);
    public const string ReporterEmail = nameof(ReportInput.ReporterEmail);
    public const string ConsentToContact = nameof(ReportInput.ConsentToContact);
    public const string Verification = "Verification";
    public const string Code = "Code";
    public const string Message = "Message";
}

/// <summary>Why a field or the anti-abuse check refused the post (ReportResource "Error.{code}").</summary>
public static class ReportError
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string InvalidEmail = "InvalidEmail";
    public const string EmailNeeded = "EmailNeeded";
    public const string InFuture = "InFuture";
    public const string OutOfRange = "OutOfRange";
    public const string Unknown = "Unknown";

    /// <summary>The honeypot was filled or the form's stamp is not ours: worded vaguely on purpose.</summary>
    public const string Rejected = "Rejected";
    public const string TooFast = "TooFast";
    public const string ChallengeMissing = "ChallengeMissing";
    public const string ChallengeFailed = "ChallengeFailed";
    public const string CodeUnknown = "CodeUnknown";
    public const string Busy = "Busy";
    public const string ThreadFull = "ThreadFull";
}

/// <summary>What the reporter is shown once after sending: the reference and the follow-up code.</summary>
public sealed record SubmittedReport(string Reference, string FollowUpCode);

/// <summary>A co-op's public name for the form's optional pick.</summary>
public sealed record PublicCoop(int Id, string Name, string Uf);

/// <summary>One message on the reporter's status page: from the federation or their own reply.</summary>
public sealed record ThreadMessage(bool FromReporter, string Body, DateTime SentAtUtc);

/// <summary>All a follow-up code opens: the report's reference, state and thread — nothing else about the desk.</summary>
public sealed record ReportStatusView(
    string Reference, DateTime ReceivedAtUtc, SecurityReportStatus Status, IReadOnlyList<ThreadMessage> Messages, bool CanReply);
