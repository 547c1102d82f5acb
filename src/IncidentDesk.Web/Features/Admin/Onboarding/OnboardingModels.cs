using IncidentDesk.Web.Features.Coops;

namespace IncidentDesk.Web.Features.Admin.Onboarding;

/// <summary>Where the liaisons' addresses come from: each co-op's encarregado, or a <c>code;name;email</c> file.</summary>
public enum OnboardingSource
{
    Encarregado,
    CsvFile,
}

/// <summary>The co-ops the directory's filters select, and where their addresses come from.</summary>
public sealed record OnboardingRequest(CoopFilters Filters, OnboardingSource Source, byte[]? Csv = null);

/// <summary>What bulk onboarding would do with each selected co-op.</summary>
public enum OnboardingOutcome
{
    /// <summary>Invited now.</summary>
    New,

    /// <summary>Has an active liaison already.</summary>
    HasLiaison,

    /// <summary>An invitation for it is still open.</summary>
    Pending,

    /// <summary>No usable e-mail: none on file or in the file.</summary>
    NoEmail,

    /// <summary>The address belongs to an account, or to an open invitation, or to another co-op of the selection.</summary>
    EmailInUse,
}

public sealed record OnboardingLine(int CoopId, string CoopCode, string CoopName, string? Email, string? Name, OnboardingOutcome Outcome);

/// <summary>One refused line of the file; nothing is invited while any line is refused.</summary>
public sealed record OnboardingCsvError(int Line, string Reason, string? Value = null);

/// <summary>The preview an officer confirms: counts per outcome, every line, and the file's problems.</summary>
public sealed record OnboardingPreview(IReadOnlyList<OnboardingLine> Lines, IReadOnlyList<OnboardingCsvError> Errors)
{
    public int Count(OnboardingOutcome outcome) => Lines.Count(l => l.Outcome == outcome);

    public bool CanConfirm => Errors.Count == 0 && Count(OnboardingOutcome.New) > 0;
}

/// <summary>Why a line of the file was refused; the UI words each code.</summary>
public static class OnboardingCsvReason
{
    public const string NotUtf8 = "NotUtf8";
    public const string Empty = "Empty";
    public const string TooLarge = "TooLarge";
    public const string UnterminatedQuote = "UnterminatedQuote";
    public const string FieldCount = "FieldCount";
    public const string UnknownCoop = "UnknownCoop";
    public const string NotSelected = "NotSelected";
    public const string DuplicateCoop = "DuplicateCoop";
    public const string InvalidEmail = "InvalidEmail";
    public const string InvalidName = "InvalidName";
}
