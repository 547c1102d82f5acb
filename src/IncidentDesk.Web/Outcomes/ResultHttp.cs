using System.Globalization;
using IncidentDesk.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Outcomes;

/// <summary>How a conflict is worded for an API client: the problem's title and, when the message needs the current state, its detail.</summary>
public sealed record ConflictWording(string Title, Func<StateConflict, string>? Detail = null);

/// <summary>
/// Every <see cref="Result"/> becomes an HTTP answer here, and only here. For the API (RFC 7807): not found → 404 without
/// a body (an id is never confirmed); forbidden → 403 problem; invalid → 400 validation problem with the messages under
/// <c>errors</c> and the stable codes under <c>codes</c>, both keyed by the field's JSON name; conflict → 409 problem with
/// <c>code</c> and, when the service returned it, <c>current</c>. Messages come from the feature's resource file in the
/// request's language (see <see cref="ApiRegistration"/>). For the cookie downloads: the bare status code.
/// </summary>
internal static class ResultHttp
{
    /// <summary>The API's answer to <paramref name="result"/>: <paramref name="ok"/> with its value, or the problem.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult, NotFound> ToHttp<T, TOk>(
        this Result<T> result, Func<T, TOk> ok, IStringLocalizer texts, IStringLocalizer<ApiResource> api, ConflictWording? conflict = null)
        where TOk : IResult
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        return result.Succeeded ? ok(result.Value) : result.ToProblem<TOk>(texts, api, conflict);
    }

    /// <summary>
    /// The API's answer for an endpoint that creates and so names no existing row: its OpenAPI description lists no 404
    /// (a NotFound, which such a service does not answer, would still be a 404).
    /// </summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> ToCreateHttp<T, TOk>(
        this Result<T> result, Func<T, TOk> ok, IStringLocalizer texts, IStringLocalizer<ApiResource> api)
        where TOk : IResult
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(api);
        return result.Status switch
        {
            ResultStatus.Success => ok(result.Value),
            ResultStatus.Forbidden => Forbidden(api),
            ResultStatus.Invalid => Validation(api, result.Errors, texts),
            ResultStatus.Conflict when result.Conflict is { } state => Conflict(state, texts, api, null),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound),
        };
    }

    /// <summary>The API's answer to a failed <paramref name="result"/>.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult, NotFound> ToProblem<TOk>(
        this Result result, IStringLocalizer texts, IStringLocalizer<ApiResource> api, ConflictWording? conflict = null)
        where TOk : IResult
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(api);
        return result.Status switch
        {
            ResultStatus.NotFound => TypedResults.NotFound(),
            ResultStatus.Forbidden => Forbidden(api),
            ResultStatus.Invalid => Validation(api, result.Errors, texts),
            ResultStatus.Conflict when result.Conflict is { } state => Conflict(state, texts, api, conflict),
            _ => throw new InvalidOperationException($"A {result.Status} result is no problem."),
        };
    }

    /// <summary>The API's answer to a refusal the endpoint decides itself (a body that names two modes at once…).</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult, NotFound> ToProblem<TOk>(
        this Failure failure, IStringLocalizer texts, IStringLocalizer<ApiResource> api, ConflictWording? conflict = null)
        where TOk : IResult => ((Result)failure).ToProblem<TOk>(texts, api, conflict);

    /// <summary>The answer of a file download outside the API (cookie session): a bare 404 or 403, as the status-code pages show them.</summary>
    public static IResult ToStatusCode(this Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            ResultStatus.Forbidden => TypedResults.StatusCode(StatusCodes.Status403Forbidden),
            ResultStatus.NotFound => TypedResults.NotFound(),
            ResultStatus.Invalid => TypedResults.BadRequest(),
            ResultStatus.Conflict => TypedResults.Conflict(),
            _ => throw new InvalidOperationException("A successful result is answered by its caller."),
        };
    }

    /// <summary>The 403 a role that may not do something gets (any role is allowed to know its own limits).</summary>
    public static ProblemHttpResult Forbidden(IStringLocalizer<ApiResource> api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return TypedResults.Problem(title: api["Forbidden.Title"], detail: api["Forbidden.Detail"], statusCode: StatusCodes.Status403Forbidden);
    }

    private static ValidationProblem Validation(IStringLocalizer<ApiResource> api, IReadOnlyList<FieldError> errors, IStringLocalizer texts) =>
        Validation(api, errors.Select(e => (JsonName(e.Field), e.Code, texts.Message(e))));

    /// <summary>
    /// The 400 every refused request body gets: messages under <c>errors</c>, stable codes under <c>codes</c> (the first of
    /// each field), keyed by the field's name as the client wrote it. For refusals decided before any service runs (an
    /// unreadable body, a query string the endpoint parses itself).
    /// </summary>
    public static ValidationProblem Validation(IStringLocalizer<ApiResource> api, IEnumerable<(string JsonField, string Code, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(api);
        var byField = errors.GroupBy(e => e.JsonField, StringComparer.Ordinal).ToList();
        return TypedResults.ValidationProblem(
            byField.ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: api["Validation.Title"],
            extensions: new Dictionary<string, object?>
            {
                ["codes"] = byField.ToDictionary(g => g.Key, g => g.First().Code),
            });
    }

    private static ProblemHttpResult Conflict(StateConflict state, IStringLocalizer texts, IStringLocalizer<ApiResource> api, ConflictWording? wording)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = state.Code };
        if (state.Current is not null)
        {
            extensions["current"] = state.Current;
        }

        return TypedResults.Problem(
            title: wording?.Title ?? api["Conflict.Title"],
            detail: wording?.Detail?.Invoke(state) ?? texts[state.MessageKey],
            statusCode: StatusCodes.Status409Conflict,
            extensions: extensions);
    }

    /// <summary>The JSON name of a service's field (services name fields after their C# properties: "AsOf" is "asOf").</summary>
    public static string JsonName(string field) =>
        field.Length == 0 ? field : string.Concat(char.ToLower(field[0], CultureInfo.InvariantCulture).ToString(), field[1..]);
}
