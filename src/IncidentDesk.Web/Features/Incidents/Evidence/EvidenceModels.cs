using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Web.Features.Incidents.Evidence;

/// <summary>One piece of evidence as listed; the stored name never leaves the service.</summary>
public sealed record EvidenceItem(
    int Id, int IncidentId, EvidenceKind Kind, string Title, string? Description, string? FileName, string? ContentType,
    long? SizeBytes, string? Sha256, string? Url, bool SharedWithCoops, string AddedBy, DateTime AddedAtUtc);

/// <summary>What the download endpoint hands out: the bytes, the display name and the type found from the signature.</summary>
public sealed record EvidenceDownload(Stream Content, string FileName, string ContentType, long SizeBytes);

/// <summary>Names of the evidence form's fields, as error keys.</summary>
public static class EvidenceField
{
    public const string Title = "Title";
    public const string Description = "Description";
    public const string File = "File";
    public const string Url = "Url";
}

/// <summary>Why a field was refused; the dialog words each in the user's language (EvidenceResource "Error.{code}").</summary>
public static class EvidenceError
{
    public const string Required = FieldRules.Required;
    public const string TooLong = FieldRules.TooLong;
    public const string TooLarge = "TooLarge";
    public const string Empty = "Empty";
    public const string TypeNotAllowed = "TypeNotAllowed";
    public const string Disguised = "Disguised";
    public const string InvalidUrl = "InvalidUrl";

    /// <summary>The disk holding evidence or the database is full: the server's condition, said in the file's field.</summary>
    public const string StorageFull = "StorageFull";

    public static string For(FileVerdict verdict) => verdict switch
    {
        FileVerdict.Empty => Empty,
        FileVerdict.TypeNotAllowed => TypeNotAllowed,
        _ => Disguised,
    };
}

/// <summary>Limits of evidence (the database columns allow these lengths).</summary>
public static class EvidenceLimits
{
    /// <summary>25 MB per file.</summary>
    public const long MaxBytes = 25L * 1024 * 1024;

    public const int Title = 300;
    public const int Description = 4000;
    public const int FileName = 255;
    public const int Url = 2000;
}
