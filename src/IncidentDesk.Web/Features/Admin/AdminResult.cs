namespace IncidentDesk.Web.Features.Admin;

/// <summary>
/// The outcome of an administration operation a person can get wrong (a bad e-mail, an expired link):
/// either it worked or it carries messages in the user's language. Being the wrong person is not such an
/// outcome: the services throw <see cref="UnauthorizedAccessException"/> for that (and audit it).
/// </summary>
public record AdminResult(IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static AdminResult Ok { get; } = new([]);

    public static AdminResult Fail(params IEnumerable<string> errors) => new([.. errors]);

    public static AdminResult<T> Success<T>(T value) => new(value, []);

    public static AdminResult<T> Failed<T>(params IEnumerable<string> errors) => new(default, [.. errors]);
}

/// <summary>An <see cref="AdminResult"/> that carries a value when it worked.</summary>
public sealed record AdminResult<T>(T? Value, IReadOnlyList<string> Errors) : AdminResult(Errors);
