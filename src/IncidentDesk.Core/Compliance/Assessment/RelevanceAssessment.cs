namespace IncidentDesk.Core.Compliance.Assessment;

/// <summary>
/// Kinds of harm that make an incident "significantly affect" data subjects — criterion A of the relevance test
/// (R15 art. 5 I): blocking a right or a service, or material or moral harm.
/// </summary>
[Flags]
public enum HarmKinds
{
    None = 0,
    BlocksRightOrService = 1,
    Discrimination = 2,
    PhysicalHarm = 4,
    Reputation = 8,
    Fraud = 16,
    IdentityTheft = 32,
    OtherMaterialOrMoral = 64,
}

/// <summary>Criterion B of the relevance test (R15 art. 5 II): the incident involves at least one of items I–VI.</summary>
[Flags]
public enum RelevanceCriteria
{
    None = 0,

    /// <summary>I — sensitive data (health data is sensitive, LGPD art. 5 II).</summary>
    SensitiveData = 1,

    /// <summary>II — data of children, adolescents or elderly people.</summary>
    VulnerableSubjects = 2,

    /// <summary>III — financial data.</summary>
    FinancialData = 4,

    /// <summary>IV — authentication data.</summary>
    AuthenticationData = 8,

    /// <summary>V — data under legal, judicial or professional secrecy (medical secrecy).</summary>
    SecrecyProtected = 16,

    /// <summary>VI — data at large scale (no numeric threshold: subjects, volume, duration, frequency, spread).</summary>
    LargeScale = 32,
}

/// <summary>What the assessment concluded: notify the authority and the subjects, or keep the record only (R15 art. 10).</summary>
public enum RelevanceResult
{
    MustNotify = 0,
    RecordOnly = 1,
}

/// <summary>
/// One version of a controller co-op's relevance assessment for an incident (R15 art. 5). Versions are appended, never
/// rewritten: the record must show what was concluded, when, by whom and why — even when the answer is "not relevant".
/// </summary>
public sealed class RelevanceAssessment
{
    public const int RationaleMax = 4000;

    public int Id { get; set; }
    public int IncidentId { get; set; }
    public int CoopId { get; set; }

    /// <summary>1, 2, 3… per incident and co-op.</summary>
    public int Version { get; set; }

    /// <summary>Criterion A: the incident may significantly affect the subjects' interests or fundamental rights.</summary>
    public bool SignificantEffect { get; set; }
    public HarmKinds Harms { get; set; }
    public RelevanceCriteria Criteria { get; set; }

    /// <summary>Evidence that the data was unintelligible to third parties (LGPD art. 48 §3) — weighs against relevance.</summary>
    public bool DataUnintelligible { get; set; }
    public required string Rationale { get; set; }
    public RelevanceResult Result { get; set; }
    public DateTime AssessedAtUtc { get; set; }
    public required string AssessedBy { get; set; }
}
