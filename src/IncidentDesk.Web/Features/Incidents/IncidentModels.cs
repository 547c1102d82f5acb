using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;

namespace IncidentDesk.Web.Features.Incidents;

public sealed record IncidentSummary(
    int Id, string Reference, string Title, IncidentStatus Status, IncidentSeverity Severity,
    ReportSource Source, DateTime ReportedAtUtc, int InvolvedCoops);

public sealed record KeyFigureView(string Label, decimal Value, string Unit, FigureStatus Status, string Source, DateOnly AsOf, string? Note);

public sealed record InvolvementView(int CoopId, string Code, string Name, string Uf, InvolvementRole Role, DateTime KnowledgeAtUtc, string? Notes);

/// <summary>One timeline entry as shown and exported; <see cref="EditedAtUtc"/> is set once a manual event was edited.</summary>
public sealed record TimelineItem(
    int Id, DateTime OccurredAtUtc, TimePrecision Precision, string Title, string? Description, string Source, TimelineEventKind Kind,
    bool SharedWithCoops, DateTime RecordedAtUtc, string RecordedBy, DateTime? EditedAtUtc, string? EditedBy = null)
{
    public bool IsManual => Kind.IsManual();
}

/// <summary>The columns the incident list can be sorted by; the default is the newest report first.</summary>
public enum IncidentSort
{
    ReportedAt = 0,
    Reference = 1,
    Title = 2,
    Status = 3,
    Severity = 4,
}

/// <summary>
/// One page of the incident list. Empty sets and nulls mean "no filter". <see cref="From"/> and <see cref="To"/> are
/// calendar days in Brasília time, both inclusive. <see cref="Page"/> counts from 0.
/// </summary>
public sealed record IncidentQuery
{
    public const int MaxPageSize = 100;

    public string? Text { get; init; }
    public IReadOnlyCollection<IncidentStatus>? Statuses { get; init; }
    public IReadOnlyCollection<IncidentSeverity>? Severities { get; init; }
    public ReportSource? Source { get; init; }
    public int? CoopId { get; init; }
    public string? Uf { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IncidentSort Sort { get; init; } = IncidentSort.ReportedAt;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}

public sealed record IncidentPage(IReadOnlyList<IncidentSummary> Rows, int TotalCount);

public sealed record IncidentOverview(
    IncidentSummary Summary,
    string Description,
    string? ReporterName,
    string? ReporterOrganisation,
    DateTime? DiscoveredAtUtc,
    TimePrecision DiscoveredAtPrecision,
    DateTime KnowledgeAtUtc,
    string AffectedSystems,
    DataCategories DataCategories,
    DataSubjectCategories DataSubjectCategories,
    IReadOnlyList<KeyFigureView> KeyFigures,
    IReadOnlyList<InvolvementView> Involvements,
    IReadOnlyList<TimelineItem> Timeline)
{
    /// <summary>The classification the ANPD form asks for (R15 art. 6 §2 III and XI; art. 3 XII).</summary>
    public IncidentType Type { get; init; }
    public CiaImpact Impact { get; init; }
    public string? MeasuresBefore { get; init; }
}
