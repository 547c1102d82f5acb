using IncidentDesk.Core.Campaigns;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>One ad-hoc task of a campaign (or one copied from a playbook step).</summary>
public sealed record CampaignTaskInput(
    string? Title, string? Instructions, int DueInBusinessDays, bool EvidenceRequired, TaskAnswerType AnswerType);

/// <summary>
/// What an officer launches: a playbook's steps or ad-hoc tasks, to every co-op, the involved ones, or those of one UF or
/// federation (<see cref="AudienceFilter"/> is then the UF or the federation code). A launch that repeats a campaign still
/// active for the incident goes ahead only with <see cref="AllowDuplicate"/> and a <see cref="DuplicateReason"/>, which the
/// audit trail keeps.
/// </summary>
public sealed record CampaignLaunch(
    int IncidentId, string? Title, int? PlaybookId, IReadOnlyList<CampaignTaskInput>? Tasks,
    CampaignAudience Audience, string? AudienceFilter = null, bool AllowDuplicate = false, string? DuplicateReason = null);

/// <summary>
/// A campaign of the incident still standing (not cancelled, with unanswered tasks) that a launch would repeat: same
/// playbook, or the same title when launched without one. <see cref="Answered"/> of <see cref="Total"/> co-op tasks.
/// </summary>
public sealed record ActiveCampaign(int Id, string Title, int Answered, int Total);

/// <summary>
/// What a launch would create, said before the officer confirms it: co-ops, tasks per co-op, their product, the first due
/// date (end of that Brasília day, as UTC) and the active campaign it would repeat, if any.
/// </summary>
public sealed record LaunchPreview(int CoopCount, int TasksPerCoop, DateTime? FirstDueAtUtc, ActiveCampaign? Duplicate)
{
    public int TotalTasks => CoopCount * TasksPerCoop;
}

/// <summary>A withdrawn campaign: how many co-op tasks closed as Cancelled and how many answered ones stayed as they were.</summary>
public sealed record CancelledCampaign(int CampaignId, int Withdrawn, int KeptAnswered);

/// <summary>A launched campaign: its id, its tasks and how many co-ops received them.</summary>
public sealed record LaunchedCampaign(int CampaignId, int TaskCount, int CoopCount)
{
    public int CoopTaskCount => TaskCount * CoopCount;

    /// <summary>The launch's notices by mail, and the co-ops with no active liaison to receive one.</summary>
    public Mail.LaunchMail Mail { get; init; } = Features.Mail.LaunchMail.None;
}

/// <summary>Field names and error codes of a launch; the UI and the API word them from CampaignResource.</summary>
public static class CampaignField
{
    public const string Title = "Title";
    public const string Tasks = "Tasks";
    public const string Playbook = "Playbook";
    public const string Audience = "Audience";
    public const string Incident = "Incident";
    public const string DuplicateReason = "DuplicateReason";
    public const string Reason = "Reason";

    public static string Task(int index, string field) => $"Tasks[{index}].{field}";
}

public static class CampaignError
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string OutOfRange = "OutOfRange";
    public const string Unknown = "Unknown";
    public const string NoCoops = "NoCoops";
    public const string TooManyTasks = "TooManyTasks";
    public const string IncidentClosed = "IncidentClosed";

    /// <summary>Conflict code: the launch repeats <see cref="ActiveCampaign"/> (the conflict's current state).</summary>
    public const string DuplicateCampaign = "DuplicateCampaign";

    /// <summary>Conflict code: the campaign was cancelled already (by whom and when is in its summary).</summary>
    public const string AlreadyCancelled = "AlreadyCancelled";

    /// <summary>Conflict code: the task was withdrawn with its campaign and takes no answer any more.</summary>
    public const string TaskWithdrawn = "TaskWithdrawn";
}

public static class CampaignLimits
{
    public const int Title = 300;
    public const int Instructions = 8000;
    public const int MaxTasks = 30;
    public const int MaxDueInBusinessDays = 60;
    public const int Reason = 2000;
}

/// <summary>
/// One campaign of an incident as the officers' list shows it: how far it got, and how many co-op tasks are blocked or
/// past due and unfinished (what the officers must chase).
/// </summary>
public sealed record CampaignSummary(
    int Id, string Title, DateTime LaunchedAtUtc, string LaunchedBy, CampaignAudience Audience, string? AudienceFilter,
    int TaskCount, int CoopCount, int Finished, int Total, int Blocked = 0, int Overdue = 0)
{
    public double PercentFinished => Total == 0 ? 0 : 100.0 * Finished / Total;

    /// <summary>Set when an officer cancelled the campaign: who, when (UTC) and why; its withdrawn tasks are not in <see cref="Total"/>.</summary>
    public CampaignCancellation? Cancellation { get; init; }

    /// <summary>Co-op tasks closed as Cancelled with the campaign: counted apart, never pending nor overdue.</summary>
    public int Withdrawn { get; init; }
}

/// <summary>Who cancelled a campaign, when (UTC) and why.</summary>
public sealed record CampaignCancellation(string By, DateTime AtUtc, string Reason);

/// <summary>A playbook offered at launch, with its steps as they would become tasks.</summary>
public sealed record PlaybookOption(int Id, string Name, string Description, IReadOnlyList<CampaignTaskInput> Steps);
