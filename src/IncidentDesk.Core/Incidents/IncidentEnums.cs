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

/// <summary>What the incident did to the data (R15 art. 3 XII): confidentiality, integrity, availability, authenticity.</summary>
[Flags]
public enum CiaImpact
{
    None = 0,
    Confidentiality = 1,
    Integrity = 2,
    Availability = 4,
    Authenticity = 8,
}

/// <summary>
/// What kind of incident it was, in the terms of the authority's form (R15 art. 6 §2 XI): e.g. an unprotected service exposed
/// to the internet, ransomware, brute force. Unknown until an officer classifies it.
/// </summary>
public enum IncidentType
{
    Unknown = 0,
    MisconfigurationExposure = 1,
    UnauthorizedAccess = 2,
    Ransomware = 3,
    Malware = 4,
    BruteForceOrCredentialTheft = 5,
    PhishingOrSocialEngineering = 6,
    LossOrTheftOfDevice = 7,
    ImproperDisclosure = 8,
    Other = 9,
}
