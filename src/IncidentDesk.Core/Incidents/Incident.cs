using IncidentDesk.Core.Common;

namespace IncidentDesk.Core.Incidents;

public sealed class Incident
{
    public int Id { get; set; }

    /// <summary>Human reference such as <c>INC-2026-0007</c>.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public IncidentStatus Status { get; set; }
    public IncidentSeverity Severity { get; set; }
    public ReportSource Source { get; set; }

    public string? ReporterName { get; set; }
    public string? ReporterOrganisation { get; set; }
    public string? ReporterContact { get; set; }

    public DateTime ReportedAtUtc { get; set; }

    /// <summary>When the problem itself was discovered; often known only to the day or month.</summary>
    public DateTime? DiscoveredAtUtc { get; set; }
    public TimePrecision DiscoveredAtPrecision { get; set; }

    /// <summary>When the federation learned that personal data was affected; co-ops inherit it by default.</summary>
    public DateTime KnowledgeAtUtc { get; set; }

    public string AffectedSystems { get; set; } = "";
    public DataCategories DataCategories { get; set; }
    public DataSubjectCategories DataSubjectCategories { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public List<KeyFigure> KeyFigures { get; } = [];
    public List<CoopInvolvement> Involvements { get; } = [];
    public List<Timeline.TimelineEvent> Timeline { get; } = [];
    public List<Evidence> Evidence { get; } = [];
}
