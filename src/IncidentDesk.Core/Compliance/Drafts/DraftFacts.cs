using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;

namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>Which document is drafted for one controller co-op.</summary>
public enum DraftKind
{
    /// <summary>ANPD communication with every item of R15 art. 6 §2.</summary>
    AnpdComplete = 0,

    /// <summary>ANPD communication filed before everything is known, completed within 20 business days (R15 art. 6 §3).</summary>
    AnpdPreliminary = 1,

    /// <summary>The information that completes a preliminary communication (R15 art. 6 §3).</summary>
    AnpdComplementary = 2,

    /// <summary>Individual notice to the data subjects (R15 art. 9).</summary>
    SubjectNotice = 3,

    /// <summary>Public notice when individual notice is impossible (R15 art. 9 §3).</summary>
    PublicNotice = 4,

    /// <summary>The incident record every controller keeps for five years (R15 art. 10).</summary>
    IncidentRecord = 5,

    /// <summary>The incident handling report the authority may ask for at any time (R15 art. 8).</summary>
    HandlingReport = 6,
}

/// <summary>The controller co-op a draft is written for: each co-op is its own controller (LGPD art. 5 VI) with its own DPO (art. 41).</summary>
public sealed record DraftController(
    string Code, string Name, string Cnpj, string Uf, string? EncarregadoName, string? EncarregadoEmail, string? EncarregadoPhone,
    bool SmallProcessingAgent);

/// <summary>A key figure with its provenance; how it may be worded depends on <see cref="Status"/>.</summary>
public sealed record DraftFigure(string Label, decimal Value, string Unit, FigureStatus Status, string Source, DateOnly AsOf, string? Note);

public sealed record DraftTimelineItem(
    DateTime OccurredAtUtc, TimePrecision Precision, string Title, string? Description, string Source, TimelineEventKind Kind);

/// <summary>The latest relevance assessment as the record and the communication state it (R15 arts. 5 and 10).</summary>
public sealed record DraftAssessment(
    int Version, bool SignificantEffect, Assessment.HarmKinds Harms, Assessment.RelevanceCriteria Criteria, bool DataUnintelligible,
    string Rationale, Assessment.RelevanceResult Result, DateTime AssessedAtUtc, string AssessedBy);

/// <summary>A communication recorded as filed: what, when, and the protocol the authority (or the channel) gave.</summary>
public sealed record DraftFiling(FilingKind Kind, string Protocol, DateTime FiledAtUtc);

public sealed record DraftEvidence(string Title, string? FileName, string? Sha256, string? Url);

/// <summary>One of the co-op's campaign tasks with its answer and the evidence handed in.</summary>
public sealed record DraftTask(
    string Campaign, string Title, CoopTaskStatus Status, string? Answer, string? Note, DateTime UpdatedAtUtc, IReadOnlyList<DraftEvidence> Evidence);

/// <summary>
/// Everything a draft says, taken from the incident as it is now for one controller co-op. What nobody has recorded yet
/// (incident type, CIA impact, measures in place before the incident, reasons for delay) stays unknown and shows up as a
/// completeness item instead of being invented.
/// </summary>
public sealed record DraftFacts
{
    public required string Reference { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required DraftController Controller { get; init; }

    /// <summary>Who prepares the filing (the signed-in officer or liaison).</summary>
    public required string Notifier { get; init; }

    public ReportSource Source { get; init; }
    public string? ReporterName { get; init; }
    public string? ReporterOrganisation { get; init; }
    public DateTime? DiscoveredAtUtc { get; init; }
    public TimePrecision DiscoveredAtPrecision { get; init; }

    /// <summary>This controller's knowledge ("ciência", R15 art. 6 §1); null when not recorded.</summary>
    public DateTime? KnowledgeAtUtc { get; init; }

    public string AffectedSystems { get; init; } = "";
    public DataCategories DataCategories { get; init; }
    public DataSubjectCategories SubjectCategories { get; init; }
    public IncidentType IncidentType { get; init; }
    public CiaImpact Impact { get; init; }
    public string? MeasuresBefore { get; init; }

    /// <summary>Processors (LGPD art. 5 VII) involved, by name; R15 art. 6 §2 X.</summary>
    public IReadOnlyList<string> Operators { get; init; } = [];
    public IReadOnlyList<DraftFigure> Figures { get; init; } = [];
    public IReadOnlyList<DraftTimelineItem> Timeline { get; init; } = [];
    public IReadOnlyList<DraftTask> Tasks { get; init; } = [];
    public IReadOnlyList<LgpdDeadline> Deadlines { get; init; } = [];

    /// <summary>The ANPD communication is (or will be) filed after its deadline: the reasons must be given (R15 art. 6 §2 V).</summary>
    public bool FilingLate { get; init; }
    public string? DelayReasons { get; init; }

    /// <summary>The communications this controller recorded as filed (protocol and time), oldest first.</summary>
    public IReadOnlyList<DraftFiling> Filings { get; init; } = [];

    /// <summary>The co-op's latest relevance assessment (R15 art. 5), null when none was recorded yet.</summary>
    public DraftAssessment? Assessment { get; init; }
    public DateTime GeneratedAtUtc { get; init; }

    /// <summary>Measures taken: the people-written Action events of the timeline.</summary>
    public IEnumerable<DraftTimelineItem> Measures => Timeline.Where(t => t.Kind == TimelineEventKind.Action);

    /// <summary>The facts as the world saw them (Fact events).</summary>
    public IEnumerable<DraftTimelineItem> Facts => Timeline.Where(t => t.Kind == TimelineEventKind.Fact);

    /// <summary>Figures counting affected data subjects (R15 art. 6 §2 II), recognised by their unit.</summary>
    public IEnumerable<DraftFigure> AffectedSubjectFigures => Figures.Where(FigureRoles.IsAffectedSubjects);

    /// <summary>Figures counting everyone in the affected processing (R15 art. 6 §2 XII).</summary>
    public IEnumerable<DraftFigure> ProcessingTotalFigures => Figures.Where(FigureRoles.IsProcessingTotal);

    public bool HasSensitiveData => DataCategories.HasFlag(DataCategories.Health);
}

/// <summary>
/// Which key figures count data subjects. Figures are free-form (label + unit), so the convention is the unit "titulares"
/// (data subjects): a label saying "total" marks the whole processing (item XII), any other the affected ones (item II).
/// </summary>
public static class FigureRoles
{
    public const string SubjectUnit = "titulares";

    public static bool IsAffectedSubjects(DraftFigure figure) =>
        IsSubjects(figure) && !figure.Label.Contains("total", StringComparison.OrdinalIgnoreCase);

    public static bool IsProcessingTotal(DraftFigure figure) =>
        IsSubjects(figure) && figure.Label.Contains("total", StringComparison.OrdinalIgnoreCase);

    private static bool IsSubjects(DraftFigure figure) => figure.Unit.Trim().Equals(SubjectUnit, StringComparison.OrdinalIgnoreCase);
}
