using IncidentDesk.Core.Common;

namespace IncidentDesk.Core.Incidents;

public sealed class Incident
{
    public const int MeasuresBeforeMax = 4000;

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

    /// <summary>The kind of incident in the authority's terms (R15 art. 6 §2 XI).</summary>
    public IncidentType Type { get; set; }

    /// <summary>What the incident did to the data (R15 art. 3 XII).</summary>
    public CiaImpact Impact { get; set; }

    /// <summary>Technical and security measures in place before the incident (R15 art. 6 §2 III; art. 9 II).</summary>
    public string? MeasuresBefore { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public List<KeyFigure> KeyFigures { get; } = [];
    public List<CoopInvolvement> Involvements { get; } = [];
    public List<Timeline.TimelineEvent> Timeline { get; } = [];
    public List<Evidence> Evidence { get; } = [];
}
