namespace IncidentDesk.Web.Outcomes;

/// <summary>How a service operation ended. Pages, the API and the command line branch on this, and only on this.</summary>
public enum ResultStatus
{
    Success,

    /// <summary>No such thing for this caller: it does not exist, or it belongs to a co-op the caller may not see.</summary>
    NotFound,

    /// <summary>The caller's role may not do this at all (the attempt is audited). Roles are no secret, so this is said.</summary>
    Forbidden,

    /// <summary>What the caller sent is refused, field by field (<see cref="Result.Errors"/>); nothing was stored.</summary>
    Invalid,

    /// <summary>The stored state does not allow it (<see cref="Result.Conflict"/>): someone changed it meanwhile, or a rule of its current state refuses it.</summary>
    Conflict,
}

/// <summary>
/// One refused field: <see cref="Field"/> is the service's name for it (its C# property), <see cref="Code"/> a stable code
/// clients can branch on, <see cref="MessageKey"/> the key of its message in the feature's resource file (with
/// <see cref="Arguments"/> for the placeholders), so every caller words it in the reader's language.
/// </summary>
public sealed record FieldError(string Field, string Code, string MessageKey, IReadOnlyList<object>? Arguments = null)
{
    /// <summary>The arguments in the shape <c>IStringLocalizer</c>'s indexer takes.</summary>
    public object[] Args => Arguments is null ? [] : [.. Arguments];
}

/// <summary>
/// The state a write ran into: a stable <see cref="Code"/>, the resource key of its explanation and, when there is one, the
/// record as it now is (<see cref="Current"/>: the task someone else answered, who saved the playbook meanwhile…).
/// </summary>
public sealed record StateConflict(string Code, string MessageKey, object? Current = null);

/// <summary>
/// A failed outcome not yet tied to a value type; it becomes a <see cref="Result"/> or any <see cref="Result{T}"/>, so a
/// service writes <c>return Result.NotFound();</c> whatever it returns.
/// </summary>
public sealed class Failure
{
    internal Failure(ResultStatus status, IReadOnlyList<FieldError> errors, StateConflict? conflict)
    {
        Status = status;
        Errors = errors;
        Conflict = conflict;
    }

    public ResultStatus Status { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public StateConflict? Conflict { get; }
}

/// <summary>
/// The outcome of a service operation: success, not found, forbidden, invalid (with field errors) or a conflict with the
/// current state. One shape for every feature, mapped to HTTP in one place (<see cref="ResultHttp"/>).
/// </summary>
public class Result
{
    private static readonly Result Done = new(ResultStatus.Success, [], null);

    private protected Result(ResultStatus status, IReadOnlyList<FieldError> errors, StateConflict? conflict)
    {
        Status = status;
        Errors = errors;
        Conflict = conflict;
    }

    public ResultStatus Status { get; }

    public bool Succeeded => Status == ResultStatus.Success;

    public bool IsNotFound => Status == ResultStatus.NotFound;

    public bool IsForbidden => Status == ResultStatus.Forbidden;

    public bool IsInvalid => Status == ResultStatus.Invalid;

    public bool IsConflict => Status == ResultStatus.Conflict;

    /// <summary>The refused fields when <see cref="ResultStatus.Invalid"/>; empty otherwise.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>What the write ran into when <see cref="ResultStatus.Conflict"/>; null otherwise.</summary>
    public StateConflict? Conflict { get; }

    /// <summary>The first error code of each refused field, for forms that show a message under each input.</summary>
    public IReadOnlyDictionary<string, string> ErrorCodes =>
        Errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);

    /// <summary>The record as it now is, when the conflict carries one of this type.</summary>
    public TCurrent? CurrentState<TCurrent>()
        where TCurrent : class => Conflict?.Current as TCurrent;

    /// <summary>The first error of <paramref name="field"/>, or null.</summary>
    public FieldError? ErrorOf(string field) => Errors.FirstOrDefault(e => string.Equals(e.Field, field, StringComparison.Ordinal));

    public static Result Success() => Done;

    public static Result<T> Success<T>(T value) => new(value);

    public static Failure NotFound() => new(ResultStatus.NotFound, [], null);

    public static Failure Forbidden() => new(ResultStatus.Forbidden, [], null);

    public static Failure Invalid(params IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        return list.Count == 0
            ? throw new ArgumentException("An invalid result names at least one refused field.", nameof(errors))
            : new Failure(ResultStatus.Invalid, list, null);
    }

    public static Failure Invalid(string field, string code, string messageKey, params object[] arguments) =>
        Invalid(new FieldError(field, code, messageKey, arguments.Length == 0 ? null : arguments));

    public static Failure ConflictWith(string code, string messageKey, object? current = null) =>
        new(ResultStatus.Conflict, [], new StateConflict(code, messageKey, current));

    /// <summary>
    /// The answer of every stale write (a co-op task, an incident's details, a playbook): someone saved the record after the
    /// caller read it, so nothing was written; <paramref name="current"/> says who and what, and the caller keeps what was typed.
    /// </summary>
    public static Failure ChangedSinceRead(string messageKey, object current) => ConflictWith(StaleCode, messageKey, current);

    /// <summary>The code of <see cref="ChangedSinceRead"/>, as API clients branch on it.</summary>
    public const string StaleCode = "Conflict";

    /// <summary>This failure, to be returned as another operation's result; a success has none.</summary>
    public Failure AsFailure() => Succeeded
        ? throw new InvalidOperationException("A successful result is not a failure.")
        : new Failure(Status, Errors, Conflict);

    public static implicit operator Result(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(failure.Status, failure.Errors, failure.Conflict);
    }

    public override string ToString() => Status switch
    {
        ResultStatus.Invalid => $"Invalid: {string.Join(", ", Errors.Select(e => $"{e.Field} {e.Code}"))}",
        ResultStatus.Conflict => $"Conflict: {Conflict?.Code}",
        _ => Status.ToString(),
    };
}

/// <summary>A <see cref="Result"/> that carries a value when it succeeded.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    internal Result(T value)
        : base(ResultStatus.Success, [], null) => _value = value;

    private Result(Failure failure)
        : base(failure.Status, failure.Errors, failure.Conflict)
    {
    }

    /// <summary>The value of a success; reading it from a failure is a programming error.</summary>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"A {Status} result has no value.");

    /// <summary>The value of a success, or the default of <typeparamref name="T"/>.</summary>
    public T? ValueOrDefault => _value;

    public static implicit operator Result<T>(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(failure);
    }
}
