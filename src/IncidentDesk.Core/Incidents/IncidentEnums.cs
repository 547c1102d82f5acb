namespace IncidentDesk.Core.Incidents;

public enum IncidentStatus
{
    Reported = 0,
    Triage = 1,
    Investigating = 2,
    Contained = 3,
    Notifying = 4,
    Closed = 5,
    Dismissed = 6,
}

public enum IncidentSeverity
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}

public enum ReportSource
{
    SecurityResearcher = 0,
    Press = 1,
    InternalDetection = 2,
    OperatorNotice = 3,
    DataSubjectComplaint = 4,
    RegulatorInquiry = 5,
    Other = 6,
}

/// <summary>Provenance of a number: who says it and how sure anyone is.</summary>
public enum FigureStatus
{
    Claimed = 0,
    Estimated = 1,
    Confirmed = 2,
    Disputed = 3,
}

/// <summary>How a co-op takes part in an incident; only controllers carry their own LGPD clock.</summary>
public enum InvolvementRole
{
    UnderAssessment = 0,
    ControllerAffected = 1,
    Operator = 2,
    NotAffected = 3,
}

/// <summary>Categories of personal data involved. Sensitive ones are listed in LGPD art. 5 II.</summary>
[Flags]
public enum DataCategories
{
    None = 0,
    Identification = 1,
    Contact = 2,
    Health = 4,
    ChatContent = 8,
    Authentication = 16,
    Financial = 32,
    ChildrensData = 64,
}

[Flags]
public enum DataSubjectCategories
{
    None = 0,
    Beneficiaries = 1,
    Physicians = 2,
    Employees = 4,
}
