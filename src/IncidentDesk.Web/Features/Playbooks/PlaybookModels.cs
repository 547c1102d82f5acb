using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Features.Campaigns;

namespace IncidentDesk.Web.Features.Playbooks;

/// <summary>One playbook as the officers' list shows it: how big it is, who changed it last, how often it was launched.</summary>
public sealed record PlaybookRow(
    int Id, string Name, string Description, bool IsArchived, int StepCount, DateTime UpdatedAtUtc, string UpdatedBy, int CampaignCount)
{
    /// <summary>A playbook never launched can go away entirely; one that was launched is kept (archived) as the record of what was asked.</summary>
    public bool CanDelete => CampaignCount == 0;
}

/// <summary>A playbook as the editor holds it while the officer types; nothing here is trusted until the service validates it.</summary>
public sealed class PlaybookDraft
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<PlaybookStepDraft> Steps { get; init; } = [];
}

/// <summary>One step being edited. <see cref="Id"/> is the stored step it came from (null for a new one), so a move is saved as a move.</summary>
public sealed class PlaybookStepDraft
{
    public int? Id { get; set; }
    public string? Title { get; set; }
    public string? Instructions { get; set; }
    public int DueInBusinessDays { get; set; } = 1;
    public bool EvidenceRequired { get; set; }
    public TaskAnswerType AnswerType { get; set; } = TaskAnswerType.StatusOnly;

    /// <summary>Identity for rendering only (Blazor's @key): survives moves, never stored.</summary>
    public Guid Key { get; } = Guid.NewGuid();
}

/// <summary>A stored playbook, its editable shape and the facts the editor shows beside it.</summary>
public sealed record PlaybookDetail(int Id, PlaybookDraft Draft, bool IsArchived, DateTime UpdatedAtUtc, string UpdatedBy, int CampaignCount);

/// <summary>Who saved the playbook, and when, after the editor had opened it.</summary>
public sealed record PlaybookConflict(string ChangedBy, DateTime ChangedAtUtc)
{
    /// <summary>PlaybookResource key of the stale-write notice.</summary>
    public const string MessageKey = "Editor.ConflictTitle";
}

/// <summary>Field names of a playbook; the editor words each error from PlaybookResource.</summary>
public static class PlaybookField
{
    public const string Name = "Name";
    public const string Description = "Description";
    public const string Steps = "Steps";
    public const string Playbook = "Playbook";

    public static string Step(int index, string field) => $"Steps[{index}].{field}";
}

public static class PlaybookError
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string OutOfRange = "OutOfRange";
    public const string Unknown = "Unknown";
    public const string Duplicate = "Duplicate";
    public const string TooManySteps = "TooManySteps";
    public const string InUse = "InUse";
}

/// <summary>Lengths from the EF configuration (CampaignConfigurations.cs), so the form refuses what the database would.</summary>
public static class PlaybookLimits
{
    public const int Name = 200;
    public const int Description = 4000;
    public const int StepTitle = 300;
    public const int Instructions = 8000;

    // A step is due at least one business day after launch: 0 would make every co-op's task due (and soon overdue) the
    // moment it is launched. At most 60 business days (about three months), the most a launch accepts
    // (CampaignLimits.MaxDueInBusinessDays): the LGPD deadlines these tasks serve are counted in a few business days
    // (LgpdDeadlines.AnpdBusinessDays), so a longer one is almost certainly a typo, and could not be launched anyway.
    public const int MinDueInBusinessDays = 1;
    public const int MaxDueInBusinessDays = CampaignLimits.MaxDueInBusinessDays;

    // A launch refuses more tasks than this; a longer playbook could be saved but never used.
    public const int MaxSteps = CampaignLimits.MaxTasks;
}
