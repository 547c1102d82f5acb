using IncidentDesk.Core.Campaigns;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>One ad-hoc task of a campaign (or one copied from a playbook step).</summary>
public sealed record CampaignTaskInput(
    string? Title, string? Instructions, int DueInBusinessDays, bool EvidenceRequired, TaskAnswerType AnswerType);

/// <summary>
/// What an officer launches: a playbook's steps or ad-hoc tasks, to every co-op, the involved ones, or those of one UF or
/// federation (<see cref="AudienceFilter"/> is then the UF or the federation code).
/// </summary>
public sealed record CampaignLaunch(
    int IncidentId, string? Title, int? PlaybookId, IReadOnlyList<CampaignTaskInput>? Tasks,
    CampaignAudience Audience, string? AudienceFilter = null);

/// <summary>A launched campaign: its id, its tasks and how many co-ops received them.</summary>
public sealed record LaunchedCampaign(int CampaignId, int TaskCount, int CoopCount)
{
    public int CoopTaskCount => TaskCount * CoopCount;
}

/// <summary>Field names and error codes of a launch; the UI and the API word them from CampaignResource.</summary>
public static class CampaignField
{
    public const string Title = "Title";
    public const string Tasks = "Tasks";
    public const string Playbook = "Playbook";
    public const string Audience = "Audience";
    public const string Incident = "Incident";

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
}

public static class CampaignLimits
{
    public const int Title = 300;
    public const int Instructions = 8000;
    public const int MaxTasks = 30;
    public const int MaxDueInBusinessDays = 60;
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
}

/// <summary>A playbook offered at launch, with its steps as they would become tasks.</summary>
public sealed record PlaybookOption(int Id, string Name, string Description, IReadOnlyList<CampaignTaskInput> Steps);
